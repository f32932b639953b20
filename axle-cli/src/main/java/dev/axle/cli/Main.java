package dev.axle.cli;

/** Entry point of {@code bin/axle}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // `axle --version` is answered without picocli, whose command model costs about
        // 100 ms to build; AxleTest checks that the line is exactly what picocli prints.
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            System.out.println(Axle.versionLine());
            return;
        }
        // picocli's default factory otherwise looks for Groovy's Closure class on the class
        // path at startup (about 10 ms of a failed class lookup); axle has no Groovy.
        System.setProperty("picocli.disable.closures", "true");
        // The JDK keeps 5 idle connections per host unless told otherwise; a resolution fetches
        // on Resolving.FETCHES threads, and each would otherwise reconnect now and then.
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", Integer.toString(Resolving.FETCHES));
        }
        System.exit(Axle.runMain(args));
    }
}
