package jp.mamori.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Counts events handled, so that JMH reports events per second beside operations per
 * second (one operation is a whole file or event list).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class EventCounter {

	public long events;

	@Setup(Level.Iteration)
	public void reset() {
		this.events = 0;
	}

}
