//! What sits under the VM: the clock, threads, the GIL and the timeline.
