package org.attractorlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.attractorlab.core.config.ConfigException;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.task.TaskRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints a fully resolved config, or the table of every config key with its default. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"Print the fully resolved config (defaults filled in, --set applied), or with --keys",
                "every config key with its default and meaning."})
public final class ConfigCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "experiment config (JSON) or a sample's name; defaults if omitted")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a config key (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--keys", description = "list every key with its default instead")
    boolean keys;

    @Option(names = "--task", paramLabel = "NAME", description = "with --keys: the task whose keys to list (default: all tasks)")
    String task;

    @Override
    public Integer call() {
        ConfigLoader loader = ConfigLoader.standard();
        try {
            if (keys) {
                List<String> names = task != null ? List.of(TaskRegistry.get(task).name())
                        : TaskRegistry.all().stream().map(TaskRegistry.Entry::name).toList();
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < names.size(); i++) {
                    var k = loader.keys(names.get(i));
                    if (i > 0) {
                        k = k.stream().filter(c -> c.key().startsWith("task.") && !c.key().equals("task.name")).toList();
                        sb.append(System.lineSeparator());
                    }
                    sb.append("# task ").append(names.get(i)).append(": ")
                            .append(TaskRegistry.get(names.get(i)).description()).append(System.lineSeparator());
                    sb.append(ConfigLoader.formatKeys(k));
                }
                spec.commandLine().getOut().print(sb);
                return 0;
            }
            ExperimentConfig c = config == null ? loader.fromOverrides(overrides) : loader.loadFileOrSample(config, overrides);
            spec.commandLine().getOut().println(ConfigLoader.toJson(c));
            return 0;
        } catch (ConfigException e) {
            throw new Cli.UserError(e.getMessage(), e);
        }
    }
}
