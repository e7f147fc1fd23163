package jp.mamori.network.scan;

import java.util.List;

/**
 * One of nmap's operating-system guesses for a host: an {@code osmatch} (a name such as
 * {@code Linux 2.6.32}) or, from older nmap versions that only write classes, an
 * {@code osclass} named by vendor, family and generation.
 *
 * @param name the guess as one text
 * @param accuracy nmap's confidence in per cent
 * @param cpes the CPE names nmap gives for it ({@code cpe:/o:linux:linux_kernel:2.6})
 */
public record OsGuess(String name, int accuracy, List<String> cpes) {

	public OsGuess {
		cpes = List.copyOf(cpes);
	}

}
