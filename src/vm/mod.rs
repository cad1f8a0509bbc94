//! The virtual machine: values, the dispatch loop and the builtins.
