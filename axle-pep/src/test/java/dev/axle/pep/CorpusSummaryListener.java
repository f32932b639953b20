package dev.axle.pep;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Prints how many corpus cases ran, per section, when the test plan finishes. */
public final class CorpusSummaryListener implements TestExecutionListener {
    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (Corpus.TALLY.isEmpty()) {
            return;
        }
        long total = 0;
        StringBuilder b = new StringBuilder("\nCorpus cases run (from ").append(Corpus.root()).append("):\n");
        for (Map.Entry<String, LongAdder> e : Corpus.TALLY.entrySet()) {
            long n = e.getValue().sum();
            total += n;
            b.append(String.format("  %-72s %,12d%n", e.getKey(), n));
        }
        b.append(String.format("  %-72s %,12d%n", "total", total));
        System.out.print(b);
    }
}
