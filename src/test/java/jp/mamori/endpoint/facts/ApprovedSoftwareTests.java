package jp.mamori.endpoint.facts;

import java.util.List;

import jp.mamori.shared.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organisation's approvals (the rows of 許可ソフトウェア一覧): device kinds mapped to the
 * analysis roles, services approved by exact name, remote-access tools by tool name or a
 * contained entry, and what the analysis makes of them.
 */
class ApprovedSoftwareTests {

	@Test
	void mapsPcToTerminalAndServerToServerAndDomainController() {
		ApprovedSoftware pc = ApprovedSoftware.none().withDeviceKind("pc", "Spooler");
		assertThat(pc.serviceApproved("terminal", "Spooler", null)).isTrue();
		assertThat(pc.serviceApproved("server", "Spooler", null)).isFalse();
		ApprovedSoftware server = ApprovedSoftware.none().withDeviceKind("server", "Spooler");
		assertThat(server.serviceApproved("server", "Spooler", null)).isTrue();
		assertThat(server.serviceApproved("domain-controller", "Spooler", null)).isTrue();
		assertThat(server.serviceApproved("terminal", "Spooler", null)).isFalse();
		assertThat(ApprovedSoftware.none().withDeviceKind("medical", "Spooler").isEmpty()).isTrue();
	}

	@Test
	void approvesAServiceByItsExactShortOrDisplayNameOnly() {
		ApprovedSoftware approved = ApprovedSoftware.none()
			.withDeviceKind("server", "ｓｐｏｏｌｅｒ")
			.withDeviceKind("server", "Remote Registry");
		assertThat(approved.serviceApproved("server", "Spooler", "Print Spooler")).isTrue();
		assertThat(approved.serviceApproved("server", "RemoteRegistry", "Remote Registry")).isTrue();
		assertThat(ApprovedSoftware.none()
			.withDeviceKind("server", "Remote")
			.serviceApproved("server", "RemoteRegistry", "Remote Registry")).isFalse();
	}

	@Test
	void approvesARemoteToolByItsNameOrAnEntryContainedInTheSoftwareName() {
		assertThat(ApprovedSoftware.none()
			.withDeviceKind("pc", "teamviewer")
			.toolApproved("terminal", "TeamViewer", "TeamViewer 15 Host")).isTrue();
		assertThat(ApprovedSoftware.none()
			.withDeviceKind("pc", "RealVNC Server")
			.toolApproved("terminal", "VNC (RealVNC / TightVNC / UltraVNC / TigerVNC)", "RealVNC Server 7.1")).isTrue();
		assertThat(ApprovedSoftware.none()
			.withDeviceKind("pc", "AnyDesk")
			.toolApproved("terminal", "TeamViewer", "TeamViewer")).isFalse();
	}

	@Test
	void approvedServiceGivesNoUnneededServiceFinding() {
		EndpointAnalysis analysis = EndpointAnalysis.standard()
			.withApproved(ApprovedSoftware.none().withDeviceKind("server", "Print Spooler"));
		assertThat(analysis.analyse(CollectorExamples.read(CollectorExamples.SERVER2016)))
			.extracting(EndpointFinding::id)
			.doesNotContain("unneeded-service")
			.contains("password-never-expires");
		assertThat(EndpointAnalysis.standard()
			.withApproved(ApprovedSoftware.none().withDeviceKind("pc", "Spooler"))
			.analyse(CollectorExamples.read(CollectorExamples.SERVER2016))).extracting(EndpointFinding::id)
			.contains("unneeded-service");
	}

	@Test
	void approvedRemoteToolStaysAsAnInformationFindingThatSaysSo() {
		EndpointFacts win10 = CollectorExamples.read(CollectorExamples.WIN10);
		assertThat(tool(EndpointAnalysis.standard().analyse(win10)).severity()).isEqualTo(Severity.HIGH);
		EndpointFinding approved = tool(EndpointAnalysis.standard()
			.withApproved(ApprovedSoftware.none().withDeviceKind("pc", "TeamViewer"))
			.analyse(win10));
		assertThat(approved.severity()).isEqualTo(Severity.INFO);
		assertThat(approved.summary()).contains("許可済み").contains("TeamViewer");
	}

	private static EndpointFinding tool(List<EndpointFinding> findings) {
		return findings.stream().filter(f -> f.id().equals("remote-tool-present")).findFirst().orElseThrow();
	}

}
