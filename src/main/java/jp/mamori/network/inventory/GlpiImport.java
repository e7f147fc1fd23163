package jp.mamori.network.inventory;

import java.util.List;

/**
 * What one GLPI inventory file gave.
 *
 * @param file the file name, as given
 * @param devices the devices, usually one per file
 * @param skipped entries left out (software without a name, inventories without content)
 * @param notes what a person should know about the reading, in Japanese
 */
public record GlpiImport(String file, List<GlpiDevice> devices, int skipped, List<String> notes) {

	public GlpiImport {
		devices = List.copyOf(devices);
		notes = List.copyOf(notes);
	}

}
