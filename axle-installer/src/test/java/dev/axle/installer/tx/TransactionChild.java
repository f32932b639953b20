package dev.axle.installer.tx;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The process the crash tests kill: {@code TransactionChild ROOT MODE [N]}. Prints one line per
 * step, flushed, so the test knows where it is.
 *
 * <ul>
 *   <li>{@code work N}: N operations, then waits forever without committing.
 *   <li>{@code commit N}: N operations, commit; after the commit mark it waits forever.
 *   <li>{@code rollback N}: N operations, then rolls back.
 *   <li>{@code hold}: holds the lock until its standard input closes, then rolls back.
 *   <li>{@code recover}: prints what {@link Transaction#recover} answers.
 * </ul>
 */
public final class TransactionChild {
    private TransactionChild() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Path root = Path.of(args[0]);
        String mode = args[1];
        int operations = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        PrintStream out = System.out;
        TransactionListener listener = new TransactionListener() {
            @Override
            public void committed(Path r) {
                out.println("committed");
                out.flush();
                sleepForever();
            }

            @Override
            public void interrupted(Path r) {
                out.println("interrupted");
                out.flush();
            }
        };
        if (mode.equals("recover")) {
            out.println(Transaction.recover(root, listener).outcome());
            return;
        }
        Transaction tx = Transaction.begin(root, listener);
        out.println("begun");
        out.flush();
        switch (mode) {
            case "work" -> {
                ChildWork.run(tx, root, operations, i -> progress(out, i));
                out.println("done");
                out.flush();
                sleepForever();
            }
            case "commit" -> {
                ChildWork.run(tx, root, operations, i -> { });
                tx.commit();
            }
            case "rollback" -> {
                ChildWork.run(tx, root, operations, i -> { });
                out.println("rolling back");
                out.flush();
                tx.rollback();
                out.println("rolled back");
            }
            case "hold" -> {
                while (System.in.read() >= 0) {
                    // Wait for the test to close our input.
                }
                tx.rollback();
            }
            default -> throw new IllegalArgumentException(mode);
        }
        out.flush();
    }

    private static void progress(PrintStream out, int operation) {
        out.println("op " + operation);
        out.flush();
    }

    private static void sleepForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
