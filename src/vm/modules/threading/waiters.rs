//! A first-come-first-notified queue of waiters: CPython's `Condition._waiters` deque, which
//! Condition, Event and Semaphore are built on. `notify(n)` wakes the n longest waiters; a
//! waiter that times out leaves the queue.
//!
//! It lives inside the owning object's mutex; waiters block with `Runtime::wait_for` on that
//! mutex and its condvar until `take(ticket)` says they were notified.

use std::collections::VecDeque;

#[derive(Default)]
pub struct Waiters {
    next: u64,
    queue: VecDeque<u64>,
    notified: Vec<u64>,
}

impl Waiters {
    /// Joins the back of the queue; the ticket identifies this wait.
    pub fn enqueue(&mut self) -> u64 {
        self.next += 1;
        self.queue.push_back(self.next);
        self.next
    }

    /// Notifies up to `n` waiters, oldest first; returns how many.
    pub fn notify(&mut self, n: usize) -> usize {
        let k = n.min(self.queue.len());
        self.notified.extend(self.queue.drain(..k));
        k
    }

    pub fn notify_all(&mut self) -> usize {
        self.notify(self.queue.len())
    }

    /// True (once) if `ticket` was notified.
    pub fn take(&mut self, ticket: u64) -> bool {
        match self.notified.iter().position(|&t| t == ticket) {
            Some(i) => {
                self.notified.swap_remove(i);
                true
            }
            None => false,
        }
    }

    /// Leaves the queue after a timeout or interrupt. Returns true if a notification arrived
    /// meanwhile (it is consumed, as CPython's `_waiters.remove` failing would).
    pub fn cancel(&mut self, ticket: u64) -> bool {
        if let Some(i) = self.queue.iter().position(|&t| t == ticket) {
            self.queue.remove(i);
            return false;
        }
        self.take(ticket)
    }

    pub fn len(&self) -> usize {
        self.queue.len()
    }
}

#[cfg(test)]
mod tests {
    use super::Waiters;

    #[test]
    fn notifies_oldest_first_and_cancel_leaves_queue() {
        let mut w = Waiters::default();
        let (a, b, c) = (w.enqueue(), w.enqueue(), w.enqueue());
        assert!(!w.cancel(b));
        assert_eq!(w.notify(1), 1);
        assert!(w.take(a));
        assert!(!w.take(a));
        assert!(!w.take(c));
        assert_eq!(w.notify_all(), 1);
        assert!(w.take(c));
        assert_eq!(w.len(), 0);
    }
}
