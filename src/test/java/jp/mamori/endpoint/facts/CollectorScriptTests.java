package jp.mamori.endpoint.facts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PowerShell cannot run here, so the script is held to its promises by reading it: only
 * reading commands (a denylist of everything that changes a machine or talks to the
 * network), exactly one write (its output file), ASCII only (Windows PowerShell 5.1 reads
 * a BOM-less script in the ANSI code page), and every section of the schema written. The
 * line-by-line review is in {@code docs/collector-schema.md}.
 */
class CollectorScriptTests {

	static final String SCRIPT = new String(CollectorScript.bytes(), StandardCharsets.US_ASCII);

	/** Commands that change a machine, start programs or use the network. */
	static final List<String> DENIED = List.of("(?i)\\bSet-[A-Za-z]+", "(?i)\\bNew-Item\\b",
			"(?i)\\bNew-ItemProperty\\b", "(?i)\\bRemove-[A-Za-z]+", "(?i)\\bClear-[A-Za-z]+",
			"(?i)\\bInvoke-WebRequest\\b", "(?i)\\bInvoke-RestMethod\\b", "(?i)\\bInvoke-Expression\\b",
			"(?i)\\biex\\b", "(?i)\\bInvoke-Command\\b", "(?i)\\bInvoke-CimMethod\\b", "(?i)\\bInvoke-WmiMethod\\b",
			"(?i)\\bStart-Process\\b", "(?i)\\bStart-Service\\b", "(?i)\\bStop-Service\\b", "(?i)\\bRestart-[A-Za-z]+",
			"(?i)\\bStop-Process\\b", "(?i)\\bEnable-[A-Za-z]+", "(?i)\\bDisable-[A-Za-z]+", "(?i)\\bAdd-[A-Za-z]+",
			"(?i)\\bInstall-[A-Za-z]+", "(?i)\\bUninstall-[A-Za-z]+", "(?i)\\bUpdate-[A-Za-z]+",
			"(?i)\\bRegister-[A-Za-z]+", "(?i)\\bUnregister-[A-Za-z]+", "(?i)\\bOut-File\\b", "(?i)\\bCopy-Item\\b",
			"(?i)\\bMove-Item\\b", "(?i)\\bRename-Item\\b", "(?i)\\bSend-MailMessage\\b",
			"(?i)\\bTest-NetConnection\\b", "(?i)Net\\.WebClient", "(?i)Net\\.Http", "(?i)Net\\.Sockets",
			"(?i)\\bbitsadmin\\b", "(?i)\\bcurl\\b", "(?i)\\bwget\\b",
			"(?i)\\breg(\\.exe)?\\s+(add|delete|import|load|copy|save|restore)\\b",
			"(?i)\\bsc(\\.exe)?\\s+(config|create|delete|stop|start)\\b", "(?i)\\bschtasks\\b", "(?i)\\bwmic\\b",
			"(?i)\\bnet\\s+(user|localgroup|stop|start|use|share)\\b", "(?i)\\bnetsh\\b",
			"(?i)\\bmanage-bde\\s+-(on|off|lock|unlock)", "(?i)\\bsecedit\\b", "(?i)\\bauditpol\\s+/set",
			"(?i)\\bwevtutil\\s+(sl|cl|set-log|clear-log)", "(?i)-ComObject", "(?i)\\bDownloadString\\b",
			"(?i)\\bUpload");

	@Test
	void usesNoCommandThatChangesTheMachineOrTheNetwork() {
		List<String> hits = new ArrayList<>();
		String[] lines = SCRIPT.split("\\R");
		for (int i = 0; i < lines.length; i++) {
			for (String denied : DENIED) {
				if (Pattern.compile(denied).matcher(lines[i]).find()) {
					hits.add((i + 1) + ": " + lines[i].strip() + "   [" + denied + "]");
				}
			}
		}
		assertThat(hits).isEmpty();
	}

	@Test
	void denylistCatchesCommandsThatWouldChangeAMachine() {
		List<String> bad = List.of("Set-ItemProperty -Path HKLM:\\X -Name Y -Value 1", "reg add HKLM\\X /v Y",
				"Invoke-WebRequest https://example.com", "Start-Process cmd.exe", "net user kanri P@ss",
				"Remove-Item C:\\x", "New-Item -ItemType Directory E:\\mamori", "Stop-Service wuauserv",
				"(New-Object Net.WebClient).DownloadString('x')", "sc.exe config wuauserv start= disabled");
		for (String line : bad) {
			assertThat(DENIED).as(line).anyMatch(d -> Pattern.compile(d).matcher(line).find());
		}
	}

	@Test
	void writesExactlyOneFileThroughOneCall() {
		assertThat(count("WriteAllText")).isEqualTo(1);
		assertThat(count("(?i)\\[System\\.IO\\.File\\]::")).isEqualTo(1);
		assertThat(count("(?i)Set-Content|Out-File|Add-Content|>>|\\s>\\s")).isZero();
	}

	@Test
	void runsNetAccountsWithoutOptions() {
		Matcher m = Pattern.compile("(?i)&\\s*net\\s+accounts([^|\\r\\n]*)").matcher(SCRIPT);
		List<String> options = new ArrayList<>();
		while (m.find()) {
			options.add(m.group(1).strip());
		}
		assertThat(options).isNotEmpty().allMatch(String::isEmpty);
	}

	@Test
	void isAsciiOnly() {
		byte[] bytes = CollectorScript.bytes();
		for (byte b : bytes) {
			assertThat(b & 0xFF).isLessThan(0x80);
		}
	}

	@Test
	void hasOutputDirectoryParameterDefaultingToTheCurrentFolderAndPrintsThePath() {
		assertThat(SCRIPT).contains("[string]$OutputDirectory = (Get-Location).Path")
			.contains("Write-Output \"Mamori: wrote $outputPath\"")
			.contains("$schemaVersion = '1'");
	}

	@Test
	void writesEverySectionOfTheSchema() throws Exception {
		JsonNode schema = JsonMapper.builder()
			.build()
			.readTree(getClass().getResourceAsStream("/endpoint/collector-schema.json"));
		List<String> missing = new ArrayList<>();
		Iterator<String> names = schema.get("properties").propertyNames().iterator();
		while (names.hasNext()) {
			String name = names.next();
			if (!Pattern.compile("(?m)^\\s+" + Pattern.quote(name) + "\\s+=").matcher(SCRIPT).find()) {
				missing.add(name);
			}
		}
		assertThat(missing).isEmpty();
	}

	private static long count(String regex) {
		return Pattern.compile(regex).matcher(SCRIPT).results().count();
	}

}
