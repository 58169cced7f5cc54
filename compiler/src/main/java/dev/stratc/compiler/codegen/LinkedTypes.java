package dev.stratc.compiler.codegen;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codehaus.janino.util.ClassFile;

/**
 * Every type and method a class file can reach: its class constants, the types in its descriptors and the
 * methods it calls, by binary name. Read from the bytecode itself, so it holds for what Janino wrote and for what
 * the disk cache holds.
 *
 * @param types   binary names of the classes referred to
 * @param methods the methods called, as {@code binary.class.Name.method}
 */
record LinkedTypes(Set<String> types, Set<String> methods) {
    private static final Pattern OBJECT_TYPE = Pattern.compile("L([^;]+);");

    /**
     * @throws IllegalArgumentException for bytes that are not a class file, or one that uses dynamic call sites
     *                                  or method handles, which generated code never does
     */
    static LinkedTypes of(byte[] bytecode) {
        ClassFile file;
        try {
            file = new ClassFile(new ByteArrayInputStream(bytecode));
        } catch (IOException | RuntimeException malformed) {
            throw new IllegalArgumentException("not a class file: " + malformed.getMessage(), malformed);
        }
        Set<String> types = new TreeSet<>();
        Set<String> methods = new TreeSet<>();
        for (int index = 1; index < file.getConstantPoolSize(); index++) {
            ClassFile.ConstantPoolInfo entry = file.getConstantPoolInfo((short) index);
            switch (entry) {
                case ClassFile.ConstantClassInfo type -> addType(types, type.getName(file));
                case ClassFile.ConstantNameAndTypeInfo member -> addDescriptor(types, member.getDescriptor(file));
                case ClassFile.ConstantMethodrefInfo method -> methods.add(
                        method.getClassInfo(file).getName(file).replace('/', '.') + "." + method.getNameAndType(file)
                                .getName(file));
                case ClassFile.ConstantInterfaceMethodrefInfo method -> methods.add(
                        method.getClassInfo(file).getName(file).replace('/', '.') + "." + method.getNameAndType(file)
                                .getName(file));
                case ClassFile.ConstantInvokeDynamicInfo dynamic ->
                        throw new IllegalArgumentException("the class uses a dynamic call site");
                case ClassFile.ConstantMethodHandleInfo handle ->
                        throw new IllegalArgumentException("the class uses a method handle");
                case ClassFile.ConstantMethodTypeInfo methodType ->
                        throw new IllegalArgumentException("the class uses a method type");
                case null, default -> {
                    // Numbers, strings and names carry no types.
                }
            }
            if (entry != null && entry.isWide()) {
                index++; // A long or a double takes two slots.
            }
        }
        file.fieldInfos.forEach(field -> addDescriptor(types, field.getDescriptor(file)));
        file.methodInfos.forEach(method -> addDescriptor(types, method.getDescriptor()));
        return new LinkedTypes(types, methods);
    }

    /** A class constant is an internal name ({@code java/lang/String}) or an array descriptor. */
    private static void addType(Set<String> types, String internalName) {
        if (internalName.startsWith("[")) {
            addDescriptor(types, internalName);
        } else {
            types.add(internalName.replace('/', '.'));
        }
    }

    private static void addDescriptor(Set<String> types, String descriptor) {
        Matcher type = OBJECT_TYPE.matcher(descriptor);
        while (type.find()) {
            types.add(type.group(1).replace('/', '.'));
        }
    }
}
