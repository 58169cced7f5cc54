package dev.stratc.runtime.broker;

public enum OrderType { MARKET, LIMIT }
