package dev.pageflags.stress.harness;

import java.util.List;

/** Hears the suite's progress: the Failsafe test factory turns each graded test into a test case. */
public interface SuiteListener {
    /** The tests that will be graded, in report order, before any runs. */
    default void selected(List<SuiteTest> tests) {
    }

    /** One test's verdict, as soon as its batch has been graded. */
    default void graded(TestVerdict verdict) {
    }

    /** The run was refused (bad request) or could not start; no test will be graded. */
    default void refused(String why) {
    }

    SuiteListener NONE = new SuiteListener() {
    };
}
