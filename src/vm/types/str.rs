//! `str`: an immutable UTF-8 string that knows its length in characters, so indexing ASCII text
//! (the common case) is a byte index.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

pub struct PyStr {
    s: Box<str>,
    /// Length in Unicode code points (== byte length for ASCII).
    nchars: usize,
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        PyStr { nchars: count_chars(s), s: s.into() }
    }
    pub fn from_string(s: String) -> PyStr {
        PyStr { nchars: count_chars(&s), s: s.into_boxed_str() }
    }
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }
    #[inline]
    pub fn char_len(&self) -> usize {
        self.nchars
    }
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.nchars == self.s.len()
    }
    /// The `i`th character (0-based, in range).
    pub fn char_at(&self, i: usize) -> char {
        if self.is_ascii() {
            self.s.as_bytes()[i] as char
        } else {
            self.s.chars().nth(i).unwrap()
        }
    }
    /// Byte offset of character index `i` (`i` may equal the length).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i
        } else {
            self.s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(self.s.len())
        }
    }
}

fn count_chars(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

impl PartialEq for PyStr {
    fn eq(&self, other: &PyStr) -> bool {
        self.s == other.s
    }
}
impl Eq for PyStr {}
impl std::hash::Hash for PyStr {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.s.hash(h)
    }
}
impl std::fmt::Debug for PyStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", &*self.s)
    }
}

/// One shared `Arc` per distinct identifier, so attribute lookups usually match by pointer.
pub fn intern(s: &str) -> Arc<PyStr> {
    static TABLE: OnceLock<Mutex<HashMap<Box<str>, Arc<PyStr>>>> = OnceLock::new();
    let mut t = TABLE.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
    if let Some(x) = t.get(s) {
        return x.clone();
    }
    let a = Arc::new(PyStr::new(s));
    t.insert(s.into(), a.clone());
    a
}
