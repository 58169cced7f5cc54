package dev.stratc.strategy;

import java.util.List;

/**
 * A declared parameter.
 *
 * @param name         its name
 * @param defaultValue its value in the source
 * @param searchSpace  the values {@code stratc optimize} tries ({@code 10 in 5..30 step 5} gives 5, 10, … 30),
 *                     empty when the source declares none
 */
public record ParameterInfo(String name, ParameterValue defaultValue, List<ParameterValue> searchSpace) {
    public ParameterInfo {
        searchSpace = List.copyOf(searchSpace);
    }
}
