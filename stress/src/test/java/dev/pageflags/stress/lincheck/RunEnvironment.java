package dev.pageflags.stress.lincheck;

import org.jetbrains.lincheck.Lincheck;

/** The Lincheck and JVM a check ran on: the JDK decides what Lincheck can see (see the package notes). */
final class RunEnvironment {
    private RunEnvironment() {
    }

    static String lincheckVersion() {
        String v = Lincheck.class.getPackage().getImplementationVersion();
        return v == null ? "(unknown version)" : v;
    }

    /** For example "OpenJDK 64-Bit Server VM 17.0.15+6-Debian-1deb12u1". */
    static String jvm() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    }

    static int jdkFeature() {
        return Runtime.version().feature();
    }
}
