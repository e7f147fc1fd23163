package jp.mamori.audit.cli;

import java.util.concurrent.Callable;

import jp.mamori.audit.AuditTrail;
import jp.mamori.shared.MamoriSubcommand;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code mamori audit verify}: walks the hash chain; exit 1 naming the first broken
 * entry.
 */
@Component
@Command(name = "audit", description = "監査証跡 / audit trail", mixinStandardHelpOptions = true,
		subcommands = AuditCommand.Verify.class)
public class AuditCommand implements MamoriSubcommand {

	final AuditTrail trail;

	AuditCommand(AuditTrail trail) {
		this.trail = trail;
	}

	@Command(name = "verify", description = "ハッシュチェーンを検証 / verify the hash chain", mixinStandardHelpOptions = true)
	static class Verify implements Callable<Integer> {

		@picocli.CommandLine.ParentCommand
		AuditCommand parent;

		@Spec
		picocli.CommandLine.Model.CommandSpec spec;

		@Override
		public Integer call() {
			var broken = parent.trail.verify();
			if (broken.isPresent()) {
				spec.commandLine().getErr().println("監査証跡が改ざんされています / audit trail broken: " + broken.get().reason());
				return 1;
			}
			spec.commandLine().getOut().println("監査証跡は正常です / audit trail intact");
			return 0;
		}

	}

}
