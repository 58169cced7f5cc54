package dev.stratc.compiler.codegen;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The only class loader a generated strategy class is defined in, and the only one Janino resolves its names
 * through while compiling it: a strategy can name the strategy API, the indicator library, and the
 * few JDK types the generator writes, nothing else. {@code System}, {@code Runtime}, {@code ProcessBuilder},
 * {@code Thread}, {@code Class} and reflection, class loaders, {@code java.io}, {@code java.nio} and
 * {@code java.net} are not found, so code that names them neither compiles nor, as bytecode, links.
 *
 * <p>This is defence in depth behind {@link JavaLiterals}: it holds even if a generator bug let text from a
 * {@code .strat} file through as code, and for classes read back from the on-disk cache.
 */
final class StrategyClassLoader extends ClassLoader {
    /** The JDK types generated code uses: values, text, the payload map, the zone a time of day is read in. */
    private static final Set<String> JDK = Set.of("java.lang.Object", "java.lang.String", "java.lang.StringBuilder",
            "java.lang.CharSequence", "java.lang.Math", "java.lang.Double", "java.lang.Boolean", "java.lang.Long",
            "java.lang.Integer", "java.lang.Number", "java.util.Map", "java.util.HashMap", "java.time.ZoneId");
    /**
     * The types Janino itself loads before it reads a line (it fails without them). Janino also sees the
     * supertypes of what it loads, where inherited methods are declared. A source that names one of these that
     * a strategy may not use ({@code System}, {@code Class}) still compiles, so {@link #checkLinks} refuses its
     * bytecode afterwards, before anything can run.
     */
    private static final Set<String> JANINO_BUILTINS = Set.of("java.io.Serializable", "java.lang.AssertionError",
            "java.lang.Boolean", "java.lang.Byte", "java.lang.Character", "java.lang.Class", "java.lang.Cloneable",
            "java.lang.Double", "java.lang.Enum", "java.lang.Error", "java.lang.Exception", "java.lang.Float",
            "java.lang.Integer", "java.lang.Iterable", "java.lang.Long", "java.lang.Object", "java.lang.Override",
            "java.lang.RuntimeException", "java.lang.Short", "java.lang.String", "java.lang.StringBuilder",
            "java.lang.System", "java.lang.Throwable", "java.lang.Void", "java.lang.annotation.Retention",
            "java.lang.annotation.RetentionPolicy", "java.util.Iterator");
    private static final List<String> DENIED_PACKAGES = List.of("java.io.", "java.nio.", "java.net.",
            "java.lang.reflect.", "java.lang.invoke.", "java.lang.ref.", "java.lang.management.",
            "java.lang.instrument.", "java.util.concurrent.", "java.util.logging.", "java.security.", "java.sql.",
            "java.rmi.", "javax.", "sun.", "jdk.", "com.sun.", "org.codehaus.");
    private static final Set<String> DENIED_CLASSES = Set.of("java.lang.System", "java.lang.Runtime",
            "java.lang.ProcessBuilder", "java.lang.Process", "java.lang.ProcessHandle", "java.lang.Thread",
            "java.lang.ThreadGroup", "java.lang.ThreadLocal", "java.lang.InheritableThreadLocal",
            "java.lang.ClassLoader", "java.lang.Class", "java.lang.Module", "java.lang.ModuleLayer",
            "java.lang.StackWalker", "java.lang.SecurityManager", "java.lang.ScopedValue", "java.util.ServiceLoader",
            "java.util.Random", "java.util.Timer", "java.time.Clock", "java.time.Instant", "java.lang.Compiler");
    /** Methods of allowed classes that reach outside the bar: unseeded randomness and the system properties. */
    private static final Set<String> DENIED_METHODS = Set.of("java.lang.Math.random", "java.lang.Long.getLong",
            "java.lang.Integer.getInteger", "java.lang.Boolean.getBoolean", "java.time.ZoneId.systemDefault");
    /** The strategy API: the data types a strategy receives and emits. */
    private static final String STRATEGY_API = "dev.stratc.strategy.";
    private static final String OPERATIONS = Ops.class.getName();
    /** The indicator library, less its catalogue and documentation (which read files, and are the compiler's). */
    private static final String INDICATORS = "dev.stratc.indicators.";
    private static final List<String> INDICATORS_PRIVATE = List.of(INDICATORS + "catalog.", INDICATORS + "docs.");

    private final ClassLoader trusted = StrategyClassLoader.class.getClassLoader();
    private final Map<String, byte[]> generated;
    private final boolean forJanino;
    /** For Janino: the allowed classes' supertypes and the types in their signatures (see addVisibleTypes). */
    private final Set<String> visible = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private StrategyClassLoader(String name, Map<String, byte[]> generated, boolean forJanino) {
        super(name, null);
        this.generated = Map.copyOf(generated);
        this.forJanino = forJanino;
    }

    /** The loader that defines the generated classes (by binary name), fresh from Janino. */
    static StrategyClassLoader forClasses(Map<String, byte[]> generated) {
        return new StrategyClassLoader("stratc-strategy", generated, false);
    }

    /** The same for classes read from the disk cache; only the name differs, to tell them apart in a trace. */
    static StrategyClassLoader forCachedClasses(Map<String, byte[]> generated) {
        return new StrategyClassLoader("stratc-strategy-cached", generated, false);
    }

    /** The loader Janino resolves names through: the same allow-list, plus the types Janino cannot start without. */
    static StrategyClassLoader forJanino() {
        return new StrategyClassLoader("stratc-janino", Map.of(), true);
    }

    /** Whether a generated class may link against {@code name}. */
    boolean allows(String name) {
        String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
        return JDK.contains(name) || outer.equals(OPERATIONS)
                || name.startsWith(INDICATORS) && INDICATORS_PRIVATE.stream().noneMatch(name::startsWith)
                || outer.startsWith(STRATEGY_API) && outer.indexOf('.', STRATEGY_API.length()) < 0
                || generated.containsKey(name);
    }

    /**
     * Refuses a class whose bytecode refers to a type a strategy may not use (or uses dynamic call sites, which
     * generated code never does), naming the first such type.
     */
    void checkLinks(String className, byte[] bytecode) {
        LinkedTypes links = LinkedTypes.of(bytecode);
        for (String type : links.types()) {
            if (!type.equals(className) && !allows(type)) {
                throw new SecurityException(type + " is not available to a strategy");
            }
        }
        for (String method : links.methods()) {
            if (DENIED_METHODS.contains(method)) {
                throw new SecurityException(method + " is not available to a strategy");
            }
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                byte[] bytecode = generated.get(name);
                if (bytecode != null) {
                    checkLinks(name, bytecode);
                    type = defineClass(name, bytecode, 0, bytecode.length);
                } else if (allows(name)) {
                    type = trusted.loadClass(name);
                    if (forJanino) {
                        addVisibleTypes(type);
                    }
                } else if (forJanino && (JANINO_BUILTINS.contains(name) || !denied(name) && visible.contains(name))) {
                    type = trusted.loadClass(name);
                } else {
                    throw new Refused(name);
                }
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }

    /**
     * Janino checks a call against every overload of its name, and looks inherited methods up in supertypes, so
     * it must see the types in the signatures of the allowed classes and of their supertypes; never a denied one.
     */
    private void addVisibleTypes(Class<?> type) {
        java.util.ArrayDeque<Class<?>> pending = new java.util.ArrayDeque<>(List.of(type));
        Set<Class<?>> seen = new java.util.HashSet<>();
        while (!pending.isEmpty()) {
            Class<?> next = pending.pop();
            if (!seen.add(next)) {
                continue;
            }
            visible.add(next.getName());
            if (next.getSuperclass() != null) {
                pending.add(next.getSuperclass());
            }
            pending.addAll(List.of(next.getInterfaces()));
            try {
                for (java.lang.reflect.Method method : next.getDeclaredMethods()) {
                    addSignature(method.getReturnType(), method.getParameterTypes());
                }
                for (java.lang.reflect.Constructor<?> constructor : next.getDeclaredConstructors()) {
                    addSignature(void.class, constructor.getParameterTypes());
                }
                for (java.lang.reflect.Field field : next.getDeclaredFields()) {
                    addSignature(field.getType());
                }
            } catch (LinkageError | SecurityException unavailable) {
                // Janino will not find such a member either and says so; nothing here to widen.
            }
        }
    }

    private void addSignature(Class<?> type, Class<?>... more) {
        for (Class<?> each : java.util.stream.Stream.concat(java.util.stream.Stream.of(type),
                java.util.Arrays.stream(more)).toList()) {
            Class<?> element = each;
            while (element.isArray()) {
                element = element.getComponentType();
            }
            if (!element.isPrimitive()) {
                visible.add(element.getName());
            }
        }
    }

    /** What a strategy's Java must never name, even where Janino would otherwise see it in a signature. */
    static boolean denied(String name) {
        return DENIED_PACKAGES.stream().anyMatch(name::startsWith) || DENIED_CLASSES.contains(name);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        throw new Refused(name);
    }

    /**
     * Janino tries many names that are not classes (every prefix of {@code OrderRequest.Side.BUY}) and a refusal
     * is its normal answer: without a stack trace, it costs next to nothing.
     */
    private static final class Refused extends ClassNotFoundException {
        Refused(String name) {
            super(name + " is not available to a strategy");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** No resources: a strategy has no files to read, not even through its class loader. */
    @Override
    public java.net.URL getResource(String name) {
        return null;
    }

    @Override
    public java.util.Enumeration<java.net.URL> getResources(String name) {
        return java.util.Collections.emptyEnumeration();
    }
}
