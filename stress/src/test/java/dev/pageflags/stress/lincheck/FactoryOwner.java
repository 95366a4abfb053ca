package dev.pageflags.stress.lincheck;

import dev.pageflags.stress.RaceScenario;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the JCStress class a {@link ScenarioFactory} lambda builds its race with: the owner of the
 * one {@code newScenario()} its body calls, read from the lambda's bytecode.
 */
final class FactoryOwner {
    private static final String DESCRIPTOR = Type.getMethodDescriptor(Type.getType(RaceScenario.class));

    private FactoryOwner() {
    }

    static Class<?> of(ScenarioFactory factory) {
        SerializedLambda lambda = serialized(factory);
        if (lambda.getImplMethodName().equals(JCStressClass.FACTORY)) {
            throw new IllegalArgumentException("write the factory as () -> " + lambda.getImplClass().replace('/', '.')
                    + "." + JCStressClass.FACTORY + "(), not as a method reference: see ScenarioFactory");
        }
        List<String[]> calls = callsIn(factory.getClass().getClassLoader(), lambda.getImplClass(),
                lambda.getImplMethodName(), lambda.getImplMethodSignature());
        if (calls.size() != 1 || !calls.get(0)[1].equals(JCStressClass.FACTORY) || !calls.get(0)[2].equals(DESCRIPTOR)) {
            throw new IllegalArgumentException("a scenario factory must be exactly () -> SomeJCStressTest."
                    + JCStressClass.FACTORY + "(); " + lambda.getImplMethodName() + " in " + lambda.getImplClass()
                    + " makes " + calls.size() + " calls");
        }
        try {
            return Class.forName(calls.get(0)[0].replace('/', '.'), false, factory.getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SerializedLambda serialized(ScenarioFactory factory) {
        try {
            Method writeReplace = factory.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            return (SerializedLambda) writeReplace.invoke(factory);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("a scenario factory must be a lambda: " + factory, e);
        }
    }

    /** Every method call in one method, as {owner, name, descriptor}; INVOKESTATIC only counts as a call of a factory. */
    private static List<String[]> callsIn(ClassLoader loader, String owner, String method, String descriptor) {
        List<String[]> calls = new ArrayList<>();
        try (InputStream in = loader.getResourceAsStream(owner + ".class")) {
            if (in == null) {
                throw new IllegalStateException("cannot read the class file of " + owner);
            }
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String desc, String signature,
                                                 String[] exceptions) {
                    if (!name.equals(method) || !desc.equals(descriptor)) {
                        return null;
                    }
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitMethodInsn(int opcode, String callee, String calledName, String calledDesc,
                                                    boolean isInterface) {
                            calls.add(new String[] {opcode == Opcodes.INVOKESTATIC ? callee : "(not static) " + callee,
                                    calledName, calledDesc});
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the class file of " + owner, e);
        }
        return calls;
    }
}
