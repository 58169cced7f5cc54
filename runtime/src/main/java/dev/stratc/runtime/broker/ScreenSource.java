package dev.stratc.runtime.broker;

import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A broker's saved stock screens followed as a run's universe: Kiwoom's condition search (조건검색), whose
 * conditions the user saves in the HTS. A capability a {@link BrokerPort} may have besides the port itself.
 */
public interface ScreenSource {

    /**
     * Follows the screen {@code name} from now on: returns the symbols it finds now, then tells {@code onChange} of
     * each symbol that enters ({@code true}) or leaves ({@code false}) it, from the broker's thread.
     *
     * @throws IllegalArgumentException when the account has no screen of that name (the message names those it has)
     * @throws BrokerException          when the broker cannot be asked
     */
    Set<String> follow(String name, BiConsumer<String, Boolean> onChange);

    /** Stops following {@code name}; nothing more is told of it. */
    void unfollow(String name);
}
