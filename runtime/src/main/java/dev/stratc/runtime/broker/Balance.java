package dev.stratc.runtime.broker;

/** Cash or coin held: {@code free} can be spent, {@code locked} is reserved by working orders. */
public record Balance(String asset, double free, double locked) {
    public double total() {
        return free + locked;
    }
}
