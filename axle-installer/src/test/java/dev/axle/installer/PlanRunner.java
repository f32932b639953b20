package dev.axle.installer;

import dev.axle.installer.cache.Linker;
import dev.axle.installer.wheel.FileAction;
import dev.axle.installer.wheel.InstallPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Carries out an install plan the simplest way, without a transaction: for tests of plans
 * against real interpreters (the installer's own executor is the real thing).
 */
public final class PlanRunner {
    private PlanRunner() {}

    public static void install(InstallPlan plan, Linker linker) throws IOException {
        for (Path folder : plan.directories()) {
            Files.createDirectories(folder);
        }
        for (FileAction action : plan.actions()) {
            switch (action) {
                case FileAction.Link link -> linker.link(link.source(), link.target());
                case FileAction.Write write -> {
                    Files.write(write.target(), write.content(), StandardOpenOption.CREATE_NEW);
                    if (write.executable()) {
                        Set<PosixFilePermission> mode = EnumSet.copyOf(Files.getPosixFilePermissions(write.target()));
                        mode.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                                PosixFilePermission.OTHERS_EXECUTE));
                        Files.setPosixFilePermissions(write.target(), mode);
                    }
                }
            }
        }
        Files.write(plan.recordPath(), plan.renderRecord(List.of()), StandardOpenOption.CREATE_NEW);
    }
}
