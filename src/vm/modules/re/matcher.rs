//! The compiler (tree -> instructions) and the backtracking matcher, with sre's semantics:
//! alternatives and repeats tried in order, an empty loop iteration ends the loop, captures
//! undone on backtracking. Backtracking uses an explicit stack (never the Rust stack, whatever
//! the subject's length); only lookarounds and atomic groups nest a run, as deep as the pattern
//! nests them. `tick` is called every few thousand steps so a long match can be stopped.

use super::parser::{Cat, ClassItem, ClassSet, Node};

#[derive(Clone, Debug)]
enum Inst {
    Char(u32),
    /// Case-insensitive: the folded character.
    CharI(u32),
    Any,
    AnyNoNl,
    Class(usize, bool),
    Bol,
    BolM,
    Eol,
    EolM,
    StartText,
    EndText,
    WordB(bool, bool),
    /// Try the first target, backtrack to the second.
    Split(usize, usize),
    Jmp(usize),
    Save(usize),
    Backref(usize, bool),
    /// Remember the position in a loop register (the empty-iteration check).
    Mark(usize),
    /// End of a loop body: if it matched nothing since `Mark`, leave the loop (go to `exit`).
    Progress(usize, usize),
    Look { behind: bool, neg: bool, body: usize, width: usize, next: usize },
    Atomic { body: usize, next: usize },
    Cond { group: usize, no: usize },
    /// End of the whole pattern.
    Match,
    /// End of a lookaround's or atomic group's body.
    SubMatch,
}

pub struct Program {
    insts: Vec<Inst>,
    classes: Vec<ClassSet>,
    /// Capture slots: 2 per group, group 0 included.
    pub nslots: usize,
    nregs: usize,
    /// A literal every match starts with (no flags), for skipping ahead in searches.
    first: Option<u32>,
    anchored: bool,
}

pub const MAX_PROGRAM: usize = 1 << 20;

pub fn compile(node: &Node, groups: usize) -> Result<Program, String> {
    let mut c = Compiler { insts: Vec::new(), classes: Vec::new(), nregs: 0 };
    c.insts.push(Inst::Save(0));
    c.emit(node)?;
    c.insts.push(Inst::Save(1));
    c.insts.push(Inst::Match);
    let first = match first_lit(node) {
        Some(Node::Lit { c, icase: false }) => Some(*c),
        _ => None,
    };
    let anchored = starts_anchored(node);
    Ok(Program { insts: c.insts, classes: c.classes, nslots: (groups + 1) * 2, nregs: c.nregs, first, anchored })
}

fn first_lit(n: &Node) -> Option<&Node> {
    match n {
        Node::Lit { .. } => Some(n),
        Node::Concat(items) => items.first().and_then(first_lit),
        Node::Group { body, .. } | Node::Atomic(body) => first_lit(body),
        Node::Repeat { body, min, .. } if *min > 0 => first_lit(body),
        _ => None,
    }
}

fn starts_anchored(n: &Node) -> bool {
    match n {
        Node::StartText | Node::Bol { multi: false } => true,
        Node::Concat(items) => items.first().map_or(false, starts_anchored),
        Node::Group { body, .. } | Node::Atomic(body) => starts_anchored(body),
        _ => false,
    }
}

struct Compiler {
    insts: Vec<Inst>,
    classes: Vec<ClassSet>,
    nregs: usize,
}

impl Compiler {
    fn pc(&self) -> usize {
        self.insts.len()
    }

    fn push(&mut self, i: Inst) -> Result<usize, String> {
        if self.insts.len() >= MAX_PROGRAM {
            return Err("pattern too large".into());
        }
        self.insts.push(i);
        Ok(self.insts.len() - 1)
    }

    fn emit(&mut self, n: &Node) -> Result<(), String> {
        match n {
            Node::Empty => {}
            Node::Lit { c, icase } => {
                self.push(if *icase && fold(*c) != upper(*c) { Inst::CharI(fold(*c)) } else { Inst::Char(*c) })?;
            }
            Node::Any { dotall } => {
                self.push(if *dotall { Inst::Any } else { Inst::AnyNoNl })?;
            }
            Node::Class { set, icase } => {
                self.classes.push((**set).clone());
                self.push(Inst::Class(self.classes.len() - 1, *icase))?;
            }
            Node::Bol { multi } => {
                self.push(if *multi { Inst::BolM } else { Inst::Bol })?;
            }
            Node::Eol { multi } => {
                self.push(if *multi { Inst::EolM } else { Inst::Eol })?;
            }
            Node::StartText => {
                self.push(Inst::StartText)?;
            }
            Node::EndText => {
                self.push(Inst::EndText)?;
            }
            Node::WordB { ascii, neg } => {
                self.push(Inst::WordB(*ascii, *neg))?;
            }
            Node::Group { index, body } => match index {
                Some(g) => {
                    self.push(Inst::Save(g * 2))?;
                    self.emit(body)?;
                    self.push(Inst::Save(g * 2 + 1))?;
                }
                None => self.emit(body)?,
            },
            Node::Concat(items) => {
                for x in items {
                    self.emit(x)?;
                }
            }
            Node::Alt(branches) => {
                let mut jumps = Vec::new();
                for (k, b) in branches.iter().enumerate() {
                    if k + 1 < branches.len() {
                        let split = self.push(Inst::Split(0, 0))?;
                        self.emit(b)?;
                        jumps.push(self.push(Inst::Jmp(0))?);
                        let next = self.pc();
                        self.insts[split] = Inst::Split(split + 1, next);
                    } else {
                        self.emit(b)?;
                    }
                }
                let end = self.pc();
                for j in jumps {
                    self.insts[j] = Inst::Jmp(end);
                }
            }
            Node::Repeat { body, min, max, greedy, possessive } => {
                if *possessive {
                    let inner = Node::Repeat { body: body.clone(), min: *min, max: *max, greedy: true, possessive: false };
                    return self.emit(&Node::Atomic(Box::new(inner)));
                }
                for _ in 0..*min {
                    self.emit(body)?;
                }
                match max {
                    None => self.star(body, *greedy)?,
                    Some(m) => {
                        // (x(x(x)?)?)? for the optional part, nested so it stops at the first miss.
                        let mut exits = Vec::new();
                        for _ in *min..*m {
                            let split = self.push(Inst::Split(0, 0))?;
                            exits.push(split);
                            self.emit(body)?;
                        }
                        let end = self.pc();
                        for s in exits {
                            self.insts[s] = if *greedy { Inst::Split(s + 1, end) } else { Inst::Split(end, s + 1) };
                        }
                    }
                }
            }
            Node::Backref { group, icase } => {
                self.push(Inst::Backref(*group, *icase))?;
            }
            Node::Look { behind, neg, body } => {
                let width = if *behind { super::parser::width(body).map_or(0, |w| w.0) } else { 0 };
                let at = self.push(Inst::Look { behind: *behind, neg: *neg, body: 0, width, next: 0 })?;
                let start = self.pc();
                self.emit(body)?;
                self.push(Inst::SubMatch)?;
                let next = self.pc();
                self.insts[at] = Inst::Look { behind: *behind, neg: *neg, body: start, width, next };
            }
            Node::Atomic(body) => {
                let at = self.push(Inst::Atomic { body: 0, next: 0 })?;
                let start = self.pc();
                self.emit(body)?;
                self.push(Inst::SubMatch)?;
                let next = self.pc();
                self.insts[at] = Inst::Atomic { body: start, next };
            }
            Node::Cond { group, yes, no } => {
                let at = self.push(Inst::Cond { group: *group, no: 0 })?;
                self.emit(yes)?;
                let j = self.push(Inst::Jmp(0))?;
                let no_pc = self.pc();
                self.emit(no)?;
                let end = self.pc();
                self.insts[at] = Inst::Cond { group: *group, no: no_pc };
                self.insts[j] = Inst::Jmp(end);
            }
        }
        Ok(())
    }

    /// `x*` (greedy or lazy), leaving the loop after an iteration that matched nothing.
    fn star(&mut self, body: &Node, greedy: bool) -> Result<(), String> {
        let reg = self.nregs;
        self.nregs += 1;
        let split = self.push(Inst::Split(0, 0))?;
        self.push(Inst::Mark(reg))?;
        self.emit(body)?;
        let prog = self.push(Inst::Progress(reg, 0))?;
        self.push(Inst::Jmp(split))?;
        let end = self.pc();
        self.insts[split] = if greedy { Inst::Split(split + 1, end) } else { Inst::Split(end, split + 1) };
        self.insts[prog] = Inst::Progress(reg, end);
        Ok(())
    }
}

// ---- character predicates -------------------------------------------------------------------

/// A case mapping that gives one character (multi-character ones, like 'ß' -> "SS", keep `c`).
fn single(c: u32, map: impl FnOnce(char) -> std::vec::IntoIter<char>) -> u32 {
    let Some(ch) = char::from_u32(c) else { return c };
    let mut it = map(ch);
    match (it.next(), it.next()) {
        (Some(x), None) => x as u32,
        _ => c,
    }
}

pub fn fold(c: u32) -> u32 {
    if c < 128 {
        return (c as u8).to_ascii_lowercase() as u32;
    }
    single(c, |ch| ch.to_lowercase().collect::<Vec<_>>().into_iter())
}

fn upper(c: u32) -> u32 {
    if c < 128 {
        return (c as u8).to_ascii_uppercase() as u32;
    }
    single(c, |ch| ch.to_uppercase().collect::<Vec<_>>().into_iter())
}

fn is_word(c: u32, ascii: bool) -> bool {
    if c < 128 {
        let b = c as u8;
        return b.is_ascii_alphanumeric() || b == b'_';
    }
    !ascii && char::from_u32(c).map_or(false, |ch| ch.is_alphanumeric())
}

fn is_digit(c: u32, ascii: bool) -> bool {
    if c < 128 {
        return (b'0' as u32..=b'9' as u32).contains(&c);
    }
    // Beyond ASCII, Rust's numeric class (a little wider than Python's Nd).
    !ascii && char::from_u32(c).map_or(false, |ch| ch.is_numeric())
}

fn is_space(c: u32, ascii: bool) -> bool {
    if c < 128 {
        return matches!(c, 9..=13 | 28..=32);
    }
    !ascii && char::from_u32(c).map_or(false, |ch| ch.is_whitespace() || c == 0x85)
}

fn in_cat(cat: Cat, c: u32, ascii: bool) -> bool {
    match cat {
        Cat::Digit => is_digit(c, ascii),
        Cat::Word => is_word(c, ascii),
        Cat::Space => {
            if c < 128 && ascii {
                matches!(c, 9..=13 | 32)
            } else {
                is_space(c, ascii)
            }
        }
    }
}

/// Whether `c` is one of the set's items (before the set's negation).
fn class_items_hit(set: &ClassSet, c: u32) -> bool {
    set.items.iter().any(|it| match it {
        ClassItem::Range(a, b) => *a <= c && c <= *b,
        ClassItem::Cat(cat, neg) => in_cat(*cat, c, set.ascii) != *neg,
    })
}

fn class_match(set: &ClassSet, c: u32, icase: bool) -> bool {
    // Case-insensitively, a character is in the set if any of its cases is.
    let hit = class_items_hit(set, c) || (icase && (class_items_hit(set, fold(c)) || class_items_hit(set, upper(c))));
    hit != set.neg
}

// ---- the matcher ----------------------------------------------------------------------------

enum Entry {
    /// A choice point: resume at (pc, pos).
    Alt(usize, usize),
    /// Undo a capture-slot write.
    Slot(usize, usize),
    /// Undo a loop-register write.
    Reg(usize, usize),
}

pub const UNSET: usize = usize::MAX;

pub struct Matcher<'a, F: FnMut() -> Result<(), ()>> {
    prog: &'a Program,
    s: &'a [u32],
    end: usize,
    pub slots: Vec<usize>,
    regs: Vec<usize>,
    stack: Vec<Entry>,
    steps: u32,
    tick: F,
    /// A match that is empty and starts here is refused (iteration after an empty match).
    forbid_empty_at: usize,
    /// fullmatch: a match must end at the end.
    pub full: bool,
}

/// How a run ended: a match (its end), no match, or stopped by `tick`.
pub enum Outcome {
    Found,
    NotFound,
    Stopped,
}

impl<'a, F: FnMut() -> Result<(), ()>> Matcher<'a, F> {
    pub fn new(prog: &'a Program, s: &'a [u32], end: usize, tick: F) -> Self {
        Matcher { prog, s, end, slots: vec![UNSET; prog.nslots], regs: vec![UNSET; prog.nregs], stack: Vec::new(), steps: 0, tick, forbid_empty_at: UNSET, full: false }
    }

    /// Tries a match starting exactly at `pos`.
    pub fn match_at(&mut self, pos: usize, forbid_empty_at: usize) -> Outcome {
        self.forbid_empty_at = forbid_empty_at;
        for s in self.slots.iter_mut() {
            *s = UNSET;
        }
        self.stack.clear();
        match self.run(0, pos) {
            Ok(Some(_)) => Outcome::Found,
            Ok(None) => Outcome::NotFound,
            Err(()) => Outcome::Stopped,
        }
    }

    /// Searches from `pos` to the end; the first match wins.
    pub fn search(&mut self, pos: usize, forbid_empty_at: usize) -> Outcome {
        if self.prog.anchored {
            // `^` / `\A` first: only the string's start can match.
            return if pos == 0 { self.match_at(0, forbid_empty_at) } else { Outcome::NotFound };
        }
        let mut start = pos;
        loop {
            if let Some(f) = self.prog.first {
                match self.s[start.min(self.end)..self.end].iter().position(|&c| c == f) {
                    Some(k) => start += k,
                    None => return Outcome::NotFound,
                }
            }
            match self.match_at(start, forbid_empty_at) {
                Outcome::NotFound => {}
                other => return other,
            }
            if start >= self.end {
                return Outcome::NotFound;
            }
            start += 1;
        }
    }

    fn word_at(&self, i: usize, ascii: bool) -> bool {
        i < self.end && is_word(self.s[i], ascii)
    }

    fn set_slot(&mut self, k: usize, v: usize) {
        self.stack.push(Entry::Slot(k, self.slots[k]));
        self.slots[k] = v;
    }

    /// Runs from `pc` at `pos` until `Match`/`SubMatch` (Some(end)) or until every choice made
    /// here failed (None). Choice points below the stack height at entry belong to the caller.
    fn run(&mut self, pc0: usize, pos0: usize) -> Result<Option<usize>, ()> {
        let base = self.stack.len();
        let (mut pc, mut pos) = (pc0, pos0);
        let s = self.s;
        let end = self.end;
        loop {
            self.steps += 1;
            if self.steps & 0xfff == 0 {
                (self.tick)()?;
            }
            let ok = match &self.prog.insts[pc] {
                Inst::Char(c) => {
                    if pos < end && s[pos] == *c {
                        pos += 1;
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::CharI(c) => {
                    if pos < end && fold(s[pos]) == *c {
                        pos += 1;
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::Any => {
                    if pos < end {
                        pos += 1;
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::AnyNoNl => {
                    if pos < end && s[pos] != '\n' as u32 {
                        pos += 1;
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::Class(k, icase) => {
                    if pos < end && class_match(&self.prog.classes[*k], s[pos], *icase) {
                        pos += 1;
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::Bol | Inst::StartText => {
                    pc += 1;
                    pos == 0
                }
                Inst::BolM => {
                    pc += 1;
                    pos == 0 || s[pos - 1] == '\n' as u32
                }
                Inst::Eol => {
                    pc += 1;
                    pos == end || (pos + 1 == end && s[pos] == '\n' as u32)
                }
                Inst::EolM => {
                    pc += 1;
                    pos == end || s[pos] == '\n' as u32
                }
                Inst::EndText => {
                    pc += 1;
                    pos == end
                }
                Inst::WordB(ascii, neg) => {
                    let before = pos > 0 && pos - 1 < end && is_word(s[pos - 1], *ascii);
                    let after = self.word_at(pos, *ascii);
                    pc += 1;
                    // An empty subject has no word boundary, and (as sre) no non-boundary either.
                    if end == 0 {
                        false
                    } else {
                        (before != after) != *neg
                    }
                }
                Inst::Split(a, b) => {
                    self.stack.push(Entry::Alt(*b, pos));
                    pc = *a;
                    true
                }
                Inst::Jmp(t) => {
                    pc = *t;
                    true
                }
                Inst::Save(k) => {
                    let k = *k;
                    self.set_slot(k, pos);
                    pc += 1;
                    true
                }
                Inst::Mark(r) => {
                    let r = *r;
                    self.stack.push(Entry::Reg(r, self.regs[r]));
                    self.regs[r] = pos;
                    pc += 1;
                    true
                }
                Inst::Progress(r, exit) => {
                    pc = if self.regs[*r] == pos { *exit } else { pc + 1 };
                    true
                }
                Inst::Backref(g, icase) => {
                    let (a, b) = (self.slots[g * 2], self.slots[g * 2 + 1]);
                    if a == UNSET || b == UNSET {
                        false
                    } else {
                        let n = b - a;
                        let same = pos + n <= end
                            && (0..n).all(|k| {
                                let (x, y) = (s[a + k], s[pos + k]);
                                x == y || (*icase && fold(x) == fold(y))
                            });
                        if same {
                            pos += n;
                            pc += 1;
                        }
                        same
                    }
                }
                Inst::Look { behind, neg, body, width, next } => {
                    let (behind, neg, body, width, next) = (*behind, *neg, *body, *width, *next);
                    let at = if behind { pos.checked_sub(width) } else { Some(pos) };
                    let saved = self.slots.clone();
                    let found = match at {
                        Some(at) => self.sub_run(body, at)?,
                        None => None,
                    };
                    let hit = found.is_some() && (!behind || found == Some(pos));
                    if hit != neg {
                        if hit {
                            self.keep_slots(&saved);
                        } else {
                            self.slots = saved;
                        }
                        pc = next;
                        true
                    } else {
                        self.slots = saved;
                        false
                    }
                }
                Inst::Atomic { body, next } => {
                    let (body, next) = (*body, *next);
                    let saved = self.slots.clone();
                    match self.sub_run(body, pos)? {
                        Some(e) => {
                            self.keep_slots(&saved);
                            pos = e;
                            pc = next;
                            true
                        }
                        None => {
                            self.slots = saved;
                            false
                        }
                    }
                }
                Inst::Cond { group, no } => {
                    let set = self.slots[group * 2 + 1] != UNSET && self.slots[group * 2] != UNSET;
                    pc = if set { pc + 1 } else { *no };
                    true
                }
                Inst::Match => {
                    let start = self.slots[0];
                    if (pos == start && start == self.forbid_empty_at) || (self.full && pos != self.end) {
                        false
                    } else {
                        return Ok(Some(pos));
                    }
                }
                Inst::SubMatch => return Ok(Some(pos)),
            };
            if ok {
                continue;
            }
            // Backtrack to the newest choice point of this run.
            loop {
                if self.stack.len() <= base {
                    return Ok(None);
                }
                match self.stack.pop().unwrap() {
                    Entry::Alt(p, q) => {
                        pc = p;
                        pos = q;
                        break;
                    }
                    Entry::Slot(k, v) => self.slots[k] = v,
                    Entry::Reg(r, v) => self.regs[r] = v,
                }
            }
        }
    }

    /// A nested run (lookaround or atomic body): its choice points are dropped when it
    /// succeeds; its capture writes are kept by `keep_slots`.
    fn sub_run(&mut self, pc: usize, pos: usize) -> Result<Option<usize>, ()> {
        let base = self.stack.len();
        let r = self.run(pc, pos)?;
        if r.is_some() {
            // Undo loop registers the body changed; captures are re-applied by keep_slots.
            while self.stack.len() > base {
                match self.stack.pop().unwrap() {
                    Entry::Reg(r, v) => self.regs[r] = v,
                    _ => {}
                }
            }
        }
        Ok(r)
    }

    /// After a successful nested run: record the capture writes it made as undoable here.
    fn keep_slots(&mut self, before: &[usize]) {
        for k in 0..self.slots.len() {
            if self.slots[k] != before[k] {
                self.stack.push(Entry::Slot(k, before[k]));
            }
        }
    }
}
