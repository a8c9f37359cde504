package org.zhonglou.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The local stack's command line, behind {@code ./run.sh}. Reads {@code DATA_DIR} (default
 * {@code ./data}) and {@code JAVA_OPTS} from the environment and the repository root from the system
 * property {@code zhonglou.stack.root} (default: the working directory).
 */
public final class StackCli {

    private static final String USAGE = """
            usage: ./run.sh [command]
              run                  start everything in the foreground; Ctrl-C stops it (the default)
              start                start what is not running, in the background, and wait until healthy
              stop                 stop everything this stack started
              status               show each component's pid, port and health
              token <sub> <ROLE>   print a token from the local identity provider (ROLE: PARENT, STAFF or SERVICE)
              replay-dlq <topic> [max]
                                   send the records of a dead-letter topic (<topic>.<group>.dlq) back to
                                   their topic, once the cause is fixed (at most max, default 1000)""";

    private final Map<String, String> env;
    private final Path root;
    private final PrintStream out;
    private final PrintStream err;

    StackCli(Map<String, String> env, Path root, PrintStream out, PrintStream err) {
        this.env = env;
        this.root = root;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("zhonglou.stack.root", System.getProperty("user.dir")));
        int code = new StackCli(System.getenv(), root, System.out, System.err).execute(args);
        System.out.flush();
        System.exit(code);
    }

    int execute(String[] args) {
        String command = args.length == 0 ? "run" : args[0];
        try {
            return switch (command) {
                case "run" -> noArguments(args) ? launcher().run() : 2;
                case "start" -> noArguments(args) ? launcher().start() : 2;
                case "stop" -> noArguments(args) ? launcher().stop() : 2;
                case "status" -> noArguments(args) ? launcher().status() : 2;
                case "token" -> token(args);
                case "replay-dlq" -> new DeadLetterCommand(() -> mint("dlq-replay", "STAFF"), out, err).run(args);
                case "help", "-h", "--help" -> {
                    out.println(USAGE);
                    yield 0;
                }
                default -> {
                    err.println("unknown command '" + command + "'");
                    err.println(USAGE);
                    yield 2;
                }
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(command + ": interrupted");
            return 130;
        } catch (Exception e) {
            // A one-line reason is more use to a person than a stack trace; the component logs have the rest.
            err.println(command + " failed: " + e);
            return 1;
        }
    }

    private boolean noArguments(String[] args) {
        if (args.length > 1) {
            err.println(args[0] + " takes no arguments");
            return false;
        }
        return true;
    }

    private int token(String[] args) {
        if (args.length != 3) {
            err.println("usage: ./run.sh token <sub> <PARENT|STAFF|SERVICE>");
            return 2;
        }
        String subject = args[1];
        String role = args[2].toUpperCase(Locale.ROOT);
        if (!DevTokens.ROLES.contains(role)) {
            err.println("unknown role '" + args[2] + "': use PARENT, STAFF or SERVICE");
            return 2;
        }
        out.println(mint(subject, role));
        return 0;
    }

    private String mint(String subject, String role) {
        try {
            return new DevTokens(env.getOrDefault("JWT_ISSUER_URI", StackComponents.ISSUER), env).token(subject, role);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the identity provider", e);
        }
    }

    private StackLauncher launcher() {
        StackPaths paths = paths();
        return new StackLauncher(paths, new StackComponents(paths, env.get("JAVA_OPTS"),
                env.get(StackComponents.PROFILE_VARIABLE)), out);
    }

    StackPaths paths() {
        String dataDir = env.getOrDefault("DATA_DIR", "");
        Path data = dataDir.isBlank() ? root.resolve("data") : root.resolve(dataDir);
        return new StackPaths(data, root);
    }
}
