package org.zhonglou.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Tells our processes from anyone else's. A pid file alone could point at a recycled pid, so a
 * process counts as ours only when its command line carries our component and data-directory markers.
 */
final class ProcessMarkers {

    private ProcessMarkers() {
    }

    static boolean isOurs(ProcessHandle handle, Component component, Path dataDir) {
        if (!handle.isAlive()) {
            return false;
        }
        Optional<String> commandLine = handle.info().commandLine();
        if (commandLine.isEmpty()) {
            // Another user's process or a platform without /proc details: never ours.
            return false;
        }
        String line = commandLine.get();
        return line.contains(StackComponents.COMPONENT_MARKER + component.name() + " ")
                && line.contains(StackComponents.DATA_MARKER + dataDir + " ");
    }

    /** The data directory of a stack started elsewhere that runs this component, to explain a busy port. */
    static Optional<String> otherStackDataDir(Component component) {
        String marker = StackComponents.COMPONENT_MARKER + component.name() + " ";
        return ProcessHandle.allProcesses()
                .map(handle -> handle.info().commandLine().orElse(""))
                .filter(line -> line.contains(marker))
                .map(ProcessMarkers::dataDirOf)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<String> dataDirOf(String commandLine) {
        int start = commandLine.indexOf(StackComponents.DATA_MARKER);
        if (start < 0) {
            return Optional.empty();
        }
        start += StackComponents.DATA_MARKER.length();
        int end = commandLine.indexOf(' ', start);
        return Optional.of(end < 0 ? commandLine.substring(start) : commandLine.substring(start, end));
    }

    /**
     * Alive and not a zombie. A process whose launcher has exited is reaped by pid 1, which in a
     * container may take seconds; until then the JDK still reports it alive.
     */
    static boolean isRunning(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(handle.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            // No /proc (not Linux) or already gone: the JDK's answer is the best there is.
            return handle.isAlive();
        }
    }
}
