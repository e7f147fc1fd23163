package jp.mamori.continuity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each box and arrow of the 連絡体制図 goes.
 *
 * <p>
 * The internal chain is a forest once 報告先 cycles are broken: each contact has at most one
 * 報告先, so a layered tidy-tree layout does — every subtree owns a strip of the width it
 * needs, a parent is centred over its children, one row per level. Outside bodies stack
 * in a band on the right and are reached through a gutter where each contact that calls
 * out has its own vertical channel, so arrows cross but never run on top of each other.
 * No graph-layout library: Graphviz is a native program a clinic's closed server will not
 * have, ELK and friends are large for one tree and a column, and a small deterministic
 * layout gives the same picture for the same ledger every time the inspector asks for it.
 */
final class ContactChartLayout {

	static final int BOX_W = 244;

	static final int BOX_H = 126;

	static final int H_GAP = 28;

	static final int V_GAP = 76;

	static final int EXT_GAP = 18;

	static final int MARGIN = 32;

	static final int CHANNEL = 12;

	/** Space above the first row of boxes for the labels of the two areas. */
	static final int AREA_LABEL = 62;

	static final int MAX_CONTACTS = 300;

	/** A placed contact. {@code level} is the row in the internal tree, -1 outside. */
	record Box(int id, Contact contact, int x, int y, int level, boolean external) {

		int right() {
			return x + BOX_W;
		}

		int bottom() {
			return y + BOX_H;
		}

		int centreX() {
			return x + BOX_W / 2;
		}

		int midY() {
			return y + BOX_H / 2;
		}

	}

	record Point(int x, int y) {
	}

	/**
	 * An arrow from {@code from} to {@code to} (box ids): a report inside the
	 * organisation or a call to an outside body.
	 */
	record Link(int from, int to, boolean external, List<Point> points) {
	}

	/** The right-hand band of outside bodies. */
	record Band(int x, int y, int width, int height) {
	}

	/** Siblings and the rows of the external band: 連絡順, then category, then name. */
	static final Comparator<Contact> ORDER = Comparator
		.comparing(Contact::escalationOrder, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparingInt(Contact::rank)
		.thenComparing(Contact::name, Comparator.nullsLast(Comparator.naturalOrder()));

	/**
	 * Which member of a cycle becomes its top: the most senior category (院長 before
	 * 安全管理責任者 …), then 連絡順.
	 */
	static final Comparator<Contact> SENIORITY = Comparator.comparingInt(Contact::rank)
		.thenComparing(Contact::escalationOrder, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(Contact::name, Comparator.nullsLast(Comparator.naturalOrder()));

	final List<Box> boxes = new ArrayList<>();

	final List<Link> links = new ArrayList<>();

	final List<String> warnings = new ArrayList<>();

	/** Right edge of the internal tree (its left margin when there is none). */
	int internalRight;

	Band band;

	int width;

	int height;

	private final List<Contact> contacts;

	private final int[] parent;

	private final Box[] placed;

	private final int top;

	private ContactChartLayout(List<Contact> contacts, int top) {
		this.contacts = contacts;
		this.parent = new int[contacts.size()];
		this.placed = new Box[contacts.size()];
		this.top = top;
	}

	/**
	 * Lays out the contacts with the first row of boxes at {@code top} (space for the
	 * area labels is above it).
	 */
	static ContactChartLayout of(List<Contact> input, int top) {
		List<Contact> usable = input.stream()
			.filter(c -> c.name() != null && !ChartText.clean(c.name()).isEmpty())
			.sorted(ORDER)
			.toList();
		List<String> early = new ArrayList<>();
		if (usable.size() > MAX_CONTACTS) {
			early.add("連絡先が多いため、連絡順の先頭 " + MAX_CONTACTS + " 件だけを描いています（全 " + usable.size() + " 件）");
			usable = usable.subList(0, MAX_CONTACTS);
		}
		ContactChartLayout layout = new ContactChartLayout(usable, top);
		layout.warnings.addAll(early);
		layout.resolveReportsTo();
		layout.breakCycles();
		layout.placeInternal();
		layout.placeExternal();
		layout.connect();
		layout.boxes.addAll(Arrays.stream(layout.placed).filter(b -> b != null).toList());
		return layout;
	}

	/** 報告先 names compared as people write them: width, case and spaces ignored. */
	static String key(String name) {
		return Normalizer.normalize(ChartText.clean(name), Normalizer.Form.NFKC)
			.replaceAll("\\s+", "")
			.toLowerCase(java.util.Locale.ROOT);
	}

	private void resolveReportsTo() {
		Map<String, Integer> byName = new HashMap<>();
		for (int i = 0; i < contacts.size(); i++) {
			Integer earlier = byName.putIfAbsent(key(contacts.get(i).name()), i);
			if (earlier != null) {
				warnings.add("同じ氏名・窓口名が複数あります: " + ChartText.clean(contacts.get(i).name()) + "（報告先は連絡順が先の行に結びます）");
			}
		}
		for (int i = 0; i < contacts.size(); i++) {
			parent[i] = -1;
			String reportsTo = contacts.get(i).reportsTo();
			if (reportsTo == null || key(reportsTo).isEmpty()) {
				continue;
			}
			Integer target = byName.get(key(reportsTo));
			if (target == null) {
				warnings.add(ChartText.clean(contacts.get(i).name()) + " の報告先「" + ChartText.clean(reportsTo)
						+ "」が連絡先にありません（最上位として描いています）");
			}
			else {
				parent[i] = target;
			}
		}
	}

	/**
	 * Each contact has at most one 報告先, so every cycle is found by walking up from each
	 * contact; the most senior member of a cycle loses its 報告先 and becomes a top.
	 */
	private void breakCycles() {
		int[] state = new int[contacts.size()];
		for (int start = 0; start < contacts.size(); start++) {
			List<Integer> path = new ArrayList<>();
			int node = start;
			while (node >= 0 && state[node] == 0) {
				state[node] = 1;
				path.add(node);
				node = parent[node];
			}
			if (node >= 0 && state[node] == 1) {
				List<Integer> cycle = path.subList(path.indexOf(node), path.size());
				int head = cycle.stream().min(Comparator.comparing(contacts::get, SENIORITY)).orElseThrow();
				String headName = ChartText.clean(contacts.get(head).name());
				StringBuilder chain = new StringBuilder(headName);
				for (int at = parent[head]; at != head; at = parent[at]) {
					chain.append(" → ").append(ChartText.clean(contacts.get(at).name()));
				}
				chain.append(" → ").append(headName);
				warnings.add("報告先が循環しています: " + chain + "（" + headName + " を最上位として描いています）");
				parent[head] = -1;
			}
			path.forEach(n -> state[n] = 2);
		}
	}

	private boolean internal(int i) {
		return contacts.get(i).internal();
	}

	private List<Integer> sorted(List<Integer> ids) {
		List<Integer> copy = new ArrayList<>(ids);
		copy.sort(Comparator.comparing(contacts::get, ORDER));
		return copy;
	}

	private final Map<Integer, List<Integer>> children = new HashMap<>();

	private final Map<Integer, Integer> subtreeWidth = new HashMap<>();

	private void placeInternal() {
		List<Integer> roots = new ArrayList<>();
		for (int i = 0; i < contacts.size(); i++) {
			if (!internal(i)) {
				continue;
			}
			if (parent[i] >= 0 && internal(parent[i])) {
				children.computeIfAbsent(parent[i], k -> new ArrayList<>()).add(i);
			}
			else {
				roots.add(i);
			}
		}
		children.replaceAll((k, v) -> sorted(v));
		int left = MARGIN;
		internalRight = MARGIN - H_GAP;
		for (int root : sorted(roots)) {
			measure(root);
			place(root, left, 0);
			left += subtreeWidth.get(root) + H_GAP * 2;
		}
		for (Box box : placed) {
			if (box != null) {
				internalRight = Math.max(internalRight, box.right());
			}
		}
	}

	private int measure(int node) {
		List<Integer> kids = children.getOrDefault(node, List.of());
		int sum = 0;
		for (int kid : kids) {
			sum += measure(kid);
		}
		sum += H_GAP * Math.max(0, kids.size() - 1);
		int width = Math.max(BOX_W, sum);
		subtreeWidth.put(node, width);
		return width;
	}

	/** Places the subtree in the strip starting at {@code left}; the box's centre x. */
	private int place(int node, int left, int level) {
		List<Integer> kids = children.getOrDefault(node, List.of());
		int y = top + level * (BOX_H + V_GAP);
		int x;
		if (kids.isEmpty()) {
			x = left + (subtreeWidth.get(node) - BOX_W) / 2;
		}
		else {
			int total = H_GAP * (kids.size() - 1);
			for (int kid : kids) {
				total += subtreeWidth.get(kid);
			}
			int at = left + (subtreeWidth.get(node) - total) / 2;
			int first = 0;
			int last = 0;
			for (int k = 0; k < kids.size(); k++) {
				int centre = place(kids.get(k), at, level + 1);
				if (k == 0) {
					first = centre;
				}
				last = centre;
				at += subtreeWidth.get(kids.get(k)) + H_GAP;
			}
			x = (first + last) / 2 - BOX_W / 2;
		}
		placed[node] = new Box(node, contacts.get(node), x, y, level, false);
		return x + BOX_W / 2;
	}

	/** Calls from the organisation to outside bodies: source box id → target box ids. */
	private final Map<Integer, List<Integer>> calls = new LinkedHashMap<>();

	/** Outside body → outside body (a vendor who brings in its subcontractor …). */
	private final List<int[]> relays = new ArrayList<>();

	private void placeExternal() {
		List<Integer> externals = new ArrayList<>();
		for (int i = 0; i < contacts.size(); i++) {
			if (!internal(i)) {
				externals.add(i);
			}
		}
		externals = sorted(externals);
		Integer caller = defaultCaller();
		for (int i = 0; i < contacts.size(); i++) {
			int p = parent[i];
			if (internal(i)) {
				if (p >= 0 && !internal(p)) {
					// an internal contact whose 報告先 is an outside body reports to it
					calls.computeIfAbsent(i, k -> new ArrayList<>()).add(p);
				}
			}
			else if (p >= 0 && internal(p)) {
				calls.computeIfAbsent(p, k -> new ArrayList<>()).add(i);
			}
			else if (p >= 0) {
				relays.add(new int[] { p, i });
			}
			else if (caller != null) {
				calls.computeIfAbsent(caller, k -> new ArrayList<>()).add(i);
			}
		}
		int gutter = Math.max(84, 36 + calls.size() * CHANNEL + 36);
		boolean anyInternal = Arrays.stream(placed).anyMatch(b -> b != null);
		int x = anyInternal ? internalRight + gutter : MARGIN + 16;
		int y = top;
		for (int i : externals) {
			placed[i] = new Box(i, contacts.get(i), x, y, -1, true);
			y += BOX_H + EXT_GAP;
		}
		if (!externals.isEmpty()) {
			int relayWidth = relays.isEmpty() ? 0 : 8 + relays.size() * 8;
			band = new Band(x - 16, top - AREA_LABEL + 8, BOX_W + 32 + relayWidth,
					y - EXT_GAP + 16 - (top - AREA_LABEL + 8));
		}
	}

	/**
	 * Who calls an outside body nobody was named for: the 安全管理責任者, else the 院長, else the
	 * top of the first chain.
	 */
	private Integer defaultCaller() {
		// contacts are in 連絡順 already, so the first found is the first to call
		for (String category : List.of("security_manager", "director")) {
			for (int i = 0; i < contacts.size(); i++) {
				if (category.equals(contacts.get(i).category())) {
					return i;
				}
			}
		}
		return Arrays.stream(placed)
			.filter(b -> b != null && b.level() == 0)
			.min(Comparator.comparingInt(Box::x))
			.map(Box::id)
			.orElse(null);
	}

	private void connect() {
		for (int i = 0; i < contacts.size(); i++) {
			int p = parent[i];
			if (p >= 0 && internal(i) && internal(p)) {
				Box child = placed[i];
				Box boss = placed[p];
				int mid = child.y() - V_GAP / 2;
				links.add(new Link(i, p, false,
						List.of(new Point(child.centreX(), child.y()), new Point(child.centreX(), mid),
								new Point(boss.centreX(), mid), new Point(boss.centreX(), boss.bottom()))));
			}
		}
		// one channel per caller, top callers on the left; callers in one row climb to
		// different heights so their runs to the gutter never overlap
		List<Integer> callers = new ArrayList<>(calls.keySet());
		callers.sort(Comparator.comparingInt((Integer c) -> placed[c].y()).thenComparingInt(c -> placed[c].x()));
		Map<Integer, Integer> incoming = new HashMap<>();
		calls.values().forEach(targets -> targets.forEach(t -> incoming.merge(t, 1, Integer::sum)));
		Map<Integer, Integer> arrived = new HashMap<>();
		for (int c = 0; c < callers.size(); c++) {
			Box from = placed[callers.get(c)];
			int channel = internalRight + 36 + c * CHANNEL;
			long rightOfIt = callers.stream()
				.map(id -> placed[id])
				.filter(b -> b.y() == from.y() && b.x() > from.x())
				.count();
			int climb = from.y() - 12 - (int) Math.min(3, rightOfIt) * 7;
			int exitX = from.right() - 18;
			for (int target : sorted(calls.get(callers.get(c)))) {
				Box to = placed[target];
				int n = incoming.get(target);
				int k = arrived.merge(target, 1, Integer::sum) - 1;
				int y = to.midY() + (int) Math.round((k - (n - 1) / 2.0) * 12);
				links.add(new Link(from.id(), target, true, List.of(new Point(exitX, from.y()), new Point(exitX, climb),
						new Point(channel, climb), new Point(channel, y), new Point(to.x(), y))));
			}
		}
		for (int r = 0; r < relays.size(); r++) {
			Box from = placed[relays.get(r)[0]];
			Box to = placed[relays.get(r)[1]];
			int channel = from.right() + 16 + r * 8;
			links.add(new Link(from.id(), to.id(), true,
					List.of(new Point(from.right(), from.midY() - 10), new Point(channel, from.midY() - 10),
							new Point(channel, to.midY() + 10), new Point(to.right(), to.midY() + 10))));
		}
		int right = internalRight;
		int bottom = top;
		for (Box box : placed) {
			if (box != null) {
				right = Math.max(right, box.right());
				bottom = Math.max(bottom, box.bottom());
			}
		}
		if (band != null) {
			right = Math.max(right, band.x() + band.width());
			bottom = Math.max(bottom, band.y() + band.height());
		}
		width = right + MARGIN;
		height = bottom;
	}

	/** The placed box of a contact, by its id in {@link #boxes}. */
	Box box(int id) {
		return placed[id];
	}

}
