package jp.mamori.devdata.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Realistic, repeatable raw ledger rows and log lines for one organisation. Every section
 * draws from its own random stream derived from (seed, organisation number, section), so
 * the devices of seed 1 are the same whatever number of accounts is asked for. Rows are
 * raw text keyed by ledger column (what a user would type into the Excel template), so
 * that they go through the same parsing and validation as an upload.
 */
public final class SyntheticRecords {

	static final String[] SURNAMES = { "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木",
			"山口", "松本", "井上", "木村", "林", "斎藤", "清水", "山崎", "森", "池田", "橋本", "阿部", "石川", "山下", "中島", "石井", "小川" };

	static final String[] GIVEN_NAMES = { "翔太", "陽菜", "大輔", "美咲", "健一", "由美", "直樹", "恵子", "拓也", "彩", "誠", "真由美", "亮",
			"裕子", "浩二", "さくら", "和也", "奈々", "剛", "舞", "隆", "智子", "悠斗", "結衣" };

	static final String[] DEPARTMENTS = { "内科", "外科", "小児科", "整形外科", "産婦人科", "放射線科", "臨床検査部", "薬剤部", "看護部", "医事課",
			"総務課", "情報システム室", "リハビリテーション科", "手術部", "救急外来", "栄養管理室" };

	/** Systems with a short host-name prefix. */
	static final String[][] SYSTEMS = { { "電子カルテ", "EMR" }, { "PACS", "PACS" }, { "検査システム", "LIS" }, { "医事会計", "ACC" },
			{ "放射線部門システム", "RIS" }, { "薬剤部門システム", "PHA" }, { "給食システム", "NUT" }, { "物流システム", "SPD" },
			{ "グループウェア", "GW" }, { "地域連携システム", "REG" } };

	static final String[][] PC_OS = { { "Windows 11", "23H2 (22631.4460)" }, { "Windows 11", "24H2 (26100.2314)" },
			{ "Windows 10", "22H2 (19045.5131)" }, { "Windows 10", "21H2 (19044.3086)" } };

	static final String[][] SERVER_OS = { { "Windows Server 2022", "21H2 (20348.2849)" },
			{ "Windows Server 2019", "1809 (17763.6532)" }, { "Windows Server 2016", "1607 (14393.7515)" },
			{ "Red Hat Enterprise Linux", "8.10" }, { "Red Hat Enterprise Linux", "9.4" },
			{ "Ubuntu", "22.04.5 LTS" } };

	static final String[][] NETWORK_OS = { { "FortiOS", "7.2.8" }, { "FortiOS", "7.4.4" },
			{ "YAMAHA RTX", "Rev.15.02.30" }, { "Cisco IOS", "15.2(7)E10" } };

	static final String[] PC_MAKERS = { "富士通", "NEC", "日本HP", "デル", "レノボ" };

	static final String[] SERVER_MAKERS = { "富士通", "NEC", "日立", "日本HP", "デル" };

	static final String[] MEDICAL_MAKERS = { "キヤノンメディカルシステムズ", "富士フイルム", "シーメンスヘルスケア", "GEヘルスケア", "島津製作所", "オリンパス" };

	static final String[] MEDICAL_DEVICES = { "CT", "MRI", "一般撮影装置", "超音波診断装置", "内視鏡システム", "生化学分析装置", "輸液ポンプ管理端末" };

	static final String[] ZONES = { "診療系", "診療系", "診療系", "事務系", "医療機器系", "保守用", "DMZ" };

	static final String[] INFO_CLASSES = { "診療録", "検査結果", "画像", "処方・注射", "会計情報", "職員情報" };

	static final DateTimeFormatter SYSLOG_TIME = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH);

	private final long seed;

	private final int orgIndex;

	private final LocalDate today;

	/**
	 * @param seed the data set's seed
	 * @param orgIndex which organisation of the data set (0 for a single one)
	 * @param today the day the data is "as of" (dates are spread before it)
	 */
	public SyntheticRecords(long seed, int orgIndex, LocalDate today) {
		this.seed = seed;
		this.orgIndex = orgIndex;
		this.today = today;
	}

	private SplittableRandom random(int section) {
		return new SplittableRandom(seed * 1_000_003L + orgIndex * 7919L + section);
	}

	private static String pick(SplittableRandom random, String[] values) {
		return values[random.nextInt(values.length)];
	}

	private static String[] pick(SplittableRandom random, String[][] values) {
		return values[random.nextInt(values.length)];
	}

	private LocalDate daysAgo(SplittableRandom random, int min, int max) {
		return today.minusDays(min + random.nextInt(max - min + 1));
	}

	/** A clinic's or hospital's name for organisation {@code index} of a group. */
	public static String memberName(String groupName, int index) {
		String[] kinds = { "内科クリニック", "医院", "診療所", "病院", "薬局", "歯科医院" };
		String[] places = { "さくら", "みなと", "あおば", "ひかり", "つばさ", "やまびこ", "わかば", "こだま", "すずらん", "ひまわり" };
		return groupName + " " + places[index % places.length] + kinds[(index / places.length) % kinds.length] + " "
				+ (index + 1);
	}

	/** 機器台帳 rows: mostly PCs, some servers, network and medical devices. */
	public List<Map<String, String>> devices(int count) {
		SplittableRandom random = random(1);
		List<Map<String, String>> rows = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			int roll = random.nextInt(100);
			String kind = roll < 70 ? "pc"
					: roll < 76 ? "server" : roll < 84 ? "network" : roll < 96 ? "medical" : "other";
			String[] system = pick(random, SYSTEMS);
			String department = pick(random, DEPARTMENTS);
			String[] os;
			String maker;
			String model;
			String name;
			String prefix;
			switch (kind) {
				case "server" -> {
					os = pick(random, SERVER_OS);
					maker = pick(random, SERVER_MAKERS);
					model = "SV-" + (1000 + random.nextInt(9000));
					name = system[0] + "サーバ" + (i % 9 + 1);
					prefix = system[1] + "-SV";
					department = "情報システム室";
				}
				case "network" -> {
					os = pick(random, NETWORK_OS);
					maker = os[0].startsWith("Forti") ? "フォーティネット" : os[0].startsWith("YAMAHA") ? "ヤマハ" : "シスコ";
					model = os[0].startsWith("Forti") ? "FortiGate 60F"
							: os[0].startsWith("YAMAHA") ? "RTX1300" : "C9200L";
					name = department + " ネットワーク機器";
					prefix = "NW";
				}
				case "medical" -> {
					os = pick(random, PC_OS);
					maker = pick(random, MEDICAL_MAKERS);
					model = pick(random, MEDICAL_DEVICES);
					name = department + " " + model;
					prefix = "MED";
				}
				default -> {
					os = pick(random, PC_OS);
					maker = pick(random, PC_MAKERS);
					model = "PC-" + (100 + random.nextInt(900));
					name = department + " " + system[0] + "端末";
					prefix = system[1] + "-PC";
				}
			}
			Map<String, String> row = new LinkedHashMap<>();
			row.put("name", name + " " + String.format(Locale.ROOT, "%05d", i + 1));
			row.put("kind", kind);
			row.put("maker", maker);
			row.put("model", model);
			row.put("serial",
					"SN" + Long.toString(Math.abs(random.nextLong()) % 1_000_000_000L, 36).toUpperCase(Locale.ROOT));
			row.put("os", os[0]);
			row.put("osVersion", os[1]);
			row.put("hostname", String.format(Locale.ROOT, "%s%05d", prefix, i + 1));
			row.put("ipAddresses", "10." + (orgIndex % 200 + 10) + "." + (i / 250 % 250) + "." + (i % 250 + 2));
			row.put("location", kind.equals("server") ? "サーバ室" : department);
			row.put("department", department);
			row.put("owner", kind.equals("pc") ? department + " 共用" : "情報システム室");
			row.put("system", system[0]);
			row.put("software", kind.equals("server") ? "SQL Server 2019 15.0.4385" : "Microsoft Edge 131.0.2903.70");
			row.put("inServiceOn", daysAgo(random, 30, 2500).toString());
			row.put("supportEndsOn", today.plusDays(random.nextInt(2500) - 300).toString());
			row.put("lastPatchedOn", daysAgo(random, 0, 240).toString());
			row.put("usbPolicy",
					pick(random, new String[] { "blocked", "restricted", "restricted", "allowed", "unknown" }));
			row.put("networkZone", pick(random, ZONES));
			row.put("internetFacing", kind.equals("network") && random.nextInt(4) == 0 ? "はい" : "いいえ");
			row.put("status", random.nextInt(50) == 0 ? "retired" : "active");
			rows.add(row);
		}
		return rows;
	}

	/**
	 * 職員名簿 rows: about one member of staff per four system accounts; some 6 % have left.
	 */
	public List<Map<String, String>> staff(int accounts) {
		SplittableRandom random = random(2);
		int count = Math.max(1, accounts / 4);
		List<Map<String, String>> rows = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			int roll = random.nextInt(100);
			String job = roll < 40 ? "nurse" : roll < 52 ? "doctor" : roll < 67 ? "medical_technician" : roll < 82
					? "clerical" : roll < 86 ? "pharmacist" : roll < 88 ? "system" : roll < 98 ? "contractor" : "other";
			int status = random.nextInt(100);
			Map<String, String> row = new LinkedHashMap<>();
			row.put("name", pick(random, SURNAMES) + " " + pick(random, GIVEN_NAMES));
			row.put("staffNumber", String.format(Locale.ROOT, "S%06d", i + 1));
			row.put("department", pick(random, DEPARTMENTS));
			row.put("jobType", job);
			LocalDate joined = daysAgo(random, 60, 9000);
			row.put("joinedOn", joined.toString());
			if (status < 6) {
				row.put("employmentStatus", "left");
				row.put("leftOn", daysAgo(random, 1, 50).toString());
			}
			else {
				row.put("employmentStatus", status < 8 ? "on_leave" : "active");
			}
			rows.add(row);
		}
		return rows;
	}

	/**
	 * システムアカウント rows: personal accounts of the roster across the systems, a shared
	 * administrator account every 50 rows, a service account every 97; a third of the
	 * leavers' accounts are still enabled (what 2-⑤ looks for).
	 */
	public List<Map<String, String>> accounts(int count, List<Map<String, String>> staff) {
		SplittableRandom random = random(3);
		List<Map<String, String>> rows = new ArrayList<>(count);
		int staffCount = staff.size();
		for (int i = 0; i < count; i++) {
			Map<String, String> row = new LinkedHashMap<>();
			String[] system = SYSTEMS[(i / Math.max(1, staffCount)) % SYSTEMS.length];
			if (i % 50 == 49) {
				system = SYSTEMS[(i / 50) % SYSTEMS.length];
				row.put("system", system[0]);
				row.put("userId", "admin" + String.format(Locale.ROOT, "%04d", i / 50));
				row.put("kind", "shared");
				row.put("role", "システム管理者");
				row.put("admin", "はい");
				row.put("twoFactor", random.nextBoolean() ? "はい" : "いいえ");
				row.put("createdOn", daysAgo(random, 300, 3000).toString());
				row.put("lastLoginOn", daysAgo(random, 0, 30).toString());
				row.put("note", "保守事業者と共用");
			}
			else if (i % 97 == 96) {
				row.put("system", system[0]);
				row.put("userId", "svc-" + system[1].toLowerCase(Locale.ROOT) + i);
				row.put("kind", "service");
				row.put("role", "連携");
				row.put("admin", "いいえ");
				row.put("createdOn", daysAgo(random, 300, 3000).toString());
			}
			else {
				Map<String, String> person = staff.get(i % staffCount);
				row.put("system", system[0]);
				row.put("userId", person.get("staffNumber").toLowerCase(Locale.ROOT) + "-" + (i / staffCount));
				row.put("staffName", person.get("name"));
				row.put("kind", "personal");
				row.put("role", jobRole(person.get("jobType")));
				boolean admin = "system".equals(person.get("jobType"));
				row.put("admin", admin ? "はい" : "いいえ");
				row.put("twoFactor", admin || random.nextInt(5) == 0 ? "はい" : "いいえ");
				row.put("createdOn", person.get("joinedOn"));
				boolean unused = random.nextInt(25) == 0;
				row.put("lastLoginOn", daysAgo(random, unused ? 200 : 0, unused ? 700 : 60).toString());
				if ("left".equals(person.get("employmentStatus")) && random.nextInt(3) != 0) {
					row.put("disabledOn", person.get("leftOn"));
				}
			}
			rows.add(row);
		}
		return rows;
	}

	private static String jobRole(String job) {
		return switch (job) {
			case "doctor" -> "医師";
			case "nurse" -> "看護師";
			case "pharmacist" -> "薬剤師";
			case "medical_technician" -> "医療技術職";
			case "system" -> "システム管理";
			case "contractor" -> "委託";
			default -> "事務";
		};
	}

	/** 権限表 rows: each 職種 × 情報区分. */
	public List<Map<String, String>> roleMatrix() {
		String[] jobs = { "doctor", "nurse", "pharmacist", "medical_technician", "clerical", "system", "contractor" };
		SplittableRandom random = random(4);
		List<Map<String, String>> rows = new ArrayList<>();
		for (String job : jobs) {
			for (String info : INFO_CLASSES) {
				Map<String, String> row = new LinkedHashMap<>();
				row.put("jobType", job);
				row.put("infoClass", info);
				row.put("accessLevel", pick(random, new String[] { "read", "write", "none", "read" }));
				row.put("system", "電子カルテ");
				rows.add(row);
			}
		}
		return rows;
	}

	/** パスワード規則 rows: one per system, most following the R7 rule. */
	public List<Map<String, String>> passwordPolicies() {
		SplittableRandom random = random(5);
		List<Map<String, String>> rows = new ArrayList<>();
		for (String[] system : SYSTEMS) {
			Map<String, String> row = new LinkedHashMap<>();
			row.put("system", system[0]);
			row.put("minLength", random.nextInt(4) == 0 ? "6" : "8");
			row.put("complexity", random.nextInt(5) == 0 ? "いいえ" : "はい");
			row.put("reuseProhibited", "はい");
			row.put("twoFactor", random.nextBoolean() ? "はい" : "いいえ");
			row.put("lockout", "はい");
			rows.add(row);
		}
		return rows;
	}

	/** ログリスト rows: one per server (at most 200), each reviewed monthly. */
	public List<Map<String, String>> logSources(List<Map<String, String>> devices) {
		SplittableRandom random = random(6);
		List<Map<String, String>> rows = new ArrayList<>();
		for (Map<String, String> device : devices) {
			if (!"server".equals(device.get("kind")) || rows.size() >= 200) {
				continue;
			}
			Map<String, String> row = new LinkedHashMap<>();
			row.put("source", device.get("name"));
			row.put("logKind", device.get("os").startsWith("Windows") ? "Windowsセキュリティログ" : "Linux auth/secure");
			row.put("location", "サーバ内とログ収集サーバ");
			row.put("retentionDays", random.nextBoolean() ? "365" : "1825");
			row.put("tamperProtected", random.nextInt(3) == 0 ? "いいえ" : "はい");
			row.put("reviewer", "情報システム室 " + pick(random, SURNAMES));
			row.put("reviewFrequency", "monthly");
			row.put("lastReviewedOn", daysAgo(random, 0, 60).toString());
			rows.add(row);
		}
		return rows;
	}

	/**
	 * Answer codes ({@code yes|no|not_required}) for about 60 % of the given items, the
	 * first (the gate) always {@code yes}.
	 */
	public Map<String, String> answers(List<String> itemIds) {
		SplittableRandom random = random(7);
		Map<String, String> answers = new LinkedHashMap<>();
		for (int i = 0; i < itemIds.size(); i++) {
			int roll = random.nextInt(100);
			if (i == 0) {
				answers.put(itemIds.get(i), "yes");
			}
			else if (roll < 60) {
				int value = random.nextInt(10);
				answers.put(itemIds.get(i), value < 7 ? "yes" : value < 9 ? "no" : "not_required");
			}
		}
		return answers;
	}

	/**
	 * A Linux auth log of {@code count} events over the 360 days before {@code today}
	 * (JST), generated lazily: logins accepted and failed, invalid users, sudo, sessions
	 * and the odd account created and deleted.
	 */
	public InputStream authLog(long count, List<String> hosts, List<String> users) {
		return new GeneratedLines(count, hosts.isEmpty() ? List.of("EMR-SV00001") : hosts,
				users.isEmpty() ? List.of("root") : users);
	}

	private final class GeneratedLines extends InputStream {

		private final long count;

		private final List<String> hosts;

		private final List<String> users;

		private final SplittableRandom random = random(8);

		private final long start;

		private final long span;

		private long next;

		private byte[] buffer = new byte[0];

		private int position;

		GeneratedLines(long count, List<String> hosts, List<String> users) {
			this.count = count;
			this.hosts = hosts;
			this.users = users;
			ZoneId japan = ZoneId.of("Asia/Tokyo");
			// 360 rather than 365 days: syslog lines carry no year, and the parser reads
			// a date a
			// few days after the reference day as this year (clock skew), not last year
			this.start = today.minusDays(360).atStartOfDay(japan).toEpochSecond();
			this.span = today.atStartOfDay(japan).toEpochSecond() - this.start - 1;
		}

		@Override
		public int read() {
			if (!fill()) {
				return -1;
			}
			return buffer[position++] & 0xff;
		}

		@Override
		public int read(byte[] target, int offset, int length) {
			if (length == 0) {
				return 0;
			}
			if (!fill()) {
				return -1;
			}
			int n = Math.min(length, buffer.length - position);
			System.arraycopy(buffer, position, target, offset, n);
			position += n;
			return n;
		}

		private boolean fill() {
			if (position < buffer.length) {
				return true;
			}
			if (next >= count) {
				return false;
			}
			StringBuilder lines = new StringBuilder(64 * 1024);
			for (int i = 0; i < 500 && next < count; i++, next++) {
				line(lines, next);
			}
			buffer = lines.toString().getBytes(StandardCharsets.UTF_8);
			position = 0;
			return true;
		}

		private void line(StringBuilder out, long index) {
			long second = start + (long) ((double) index / count * span);
			LocalDateTime time = LocalDateTime.ofEpochSecond(second, 0, java.time.ZoneOffset.ofHours(9));
			String host = hosts.get(random.nextInt(hosts.size())).toLowerCase(Locale.ROOT);
			String user = users.get(random.nextInt(users.size()));
			String address = "10." + random.nextInt(40) + "." + random.nextInt(250) + "." + (random.nextInt(250) + 2);
			int port = 40000 + random.nextInt(20000);
			long pid = 1000 + index % 60000;
			out.append(SYSLOG_TIME.format(time)).append(' ').append(host).append(' ');
			int roll = random.nextInt(1000);
			if (roll < 600) {
				out.append("sshd[").append(pid).append("]: Accepted password for ").append(user).append(" from ");
				out.append(address).append(" port ").append(port).append(" ssh2");
			}
			else if (roll < 850) {
				out.append("sshd[").append(pid).append("]: Failed password for ").append(user).append(" from ");
				out.append(address).append(" port ").append(port).append(" ssh2");
			}
			else if (roll < 900) {
				out.append("sshd[").append(pid).append("]: Failed password for invalid user admin from ");
				out.append("203.0.113.").append(random.nextInt(250) + 1).append(" port ").append(port).append(" ssh2");
			}
			else if (roll < 950) {
				out.append("sudo[").append(pid).append("]:   ").append(user);
				out.append(" : TTY=pts/0 ; PWD=/home/").append(user);
				out.append(" ; USER=root ; COMMAND=/usr/bin/systemctl restart httpd");
			}
			else if (roll < 998) {
				out.append("sshd[").append(pid).append("]: pam_unix(sshd:session): session opened for user ");
				out.append(user).append("(uid=1000) by (uid=0)");
			}
			else if (roll == 998) {
				out.append("useradd[").append(pid).append("]: new user: name=tmp").append(index % 100);
				out.append(", UID=1500, GID=1500, home=/home/tmp, shell=/bin/bash, from=/dev/pts/0");
			}
			else {
				out.append("userdel[").append(pid).append("]: delete user 'tmp").append(index % 100).append('\'');
			}
			out.append('\n');
		}

	}

}
