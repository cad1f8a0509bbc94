//! The pattern parser: Python's `re` syntax (sre_parse) into a tree, with sre's error
//! messages and positions. A pattern is a sequence of code points (bytes patterns: of bytes).

use std::collections::HashMap;

pub const FLAG_I: u32 = 2;
pub const FLAG_L: u32 = 4;
pub const FLAG_M: u32 = 8;
pub const FLAG_S: u32 = 16;
pub const FLAG_U: u32 = 32;
pub const FLAG_X: u32 = 64;
pub const FLAG_A: u32 = 256;

pub struct ReError {
    pub msg: String,
    pub pos: Option<usize>,
}

fn err<T>(msg: impl Into<String>, pos: usize) -> Result<T, ReError> {
    Err(ReError { msg: msg.into(), pos: Some(pos) })
}

#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Cat {
    Digit,
    Word,
    Space,
}

#[derive(Clone, Debug)]
pub enum ClassItem {
    Range(u32, u32),
    Cat(Cat, bool),
}

#[derive(Clone, Debug)]
pub struct ClassSet {
    pub neg: bool,
    pub items: Vec<ClassItem>,
    pub ascii: bool,
}

#[derive(Clone, Debug)]
pub enum Node {
    Empty,
    Lit { c: u32, icase: bool },
    Any { dotall: bool },
    Class { set: Box<ClassSet>, icase: bool },
    Bol { multi: bool },
    Eol { multi: bool },
    StartText,
    EndText,
    WordB { ascii: bool, neg: bool },
    Group { index: Option<usize>, body: Box<Node> },
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat { body: Box<Node>, min: u32, max: Option<u32>, greedy: bool, possessive: bool },
    Backref { group: usize, icase: bool },
    Look { behind: bool, neg: bool, body: Box<Node> },
    Atomic(Box<Node>),
    Cond { group: usize, yes: Box<Node>, no: Box<Node> },
}

pub struct Parsed {
    pub node: Node,
    pub groups: usize,
    pub names: Vec<(String, usize)>,
    /// The flags after the pattern's leading `(?...)` groups (as `Pattern.flags` shows them).
    pub flags: u32,
}

struct Parser<'a> {
    s: &'a [u32],
    i: usize,
    bytes: bool,
    groups: usize,
    names: HashMap<String, usize>,
    name_order: Vec<(String, usize)>,
    open: Vec<usize>,
    global_flags: u32,
    /// Conditionals' group numbers and where they were written, checked once every group
    /// is known (a conditional may name a later group).
    cond_refs: Vec<(usize, usize)>,
}

fn ch(c: u32) -> char {
    char::from_u32(c).unwrap_or('\u{fffd}')
}

fn is_digit(c: u32) -> bool {
    (b'0' as u32..=b'9' as u32).contains(&c)
}

pub fn parse(s: &[u32], flags: u32, bytes: bool) -> Result<Parsed, ReError> {
    let mut p = Parser { s, i: 0, bytes, groups: 0, names: HashMap::new(), name_order: Vec::new(), open: Vec::new(), global_flags: flags, cond_refs: Vec::new() };
    // Leading global flag groups, `(?i)` etc.
    let node = p.alternation(flags, true)?;
    if p.i < s.len() {
        // A stray ')'.
        return err("unbalanced parenthesis", p.i);
    }
    for &(g, pos) in &p.cond_refs {
        if g > p.groups {
            return err(format!("invalid group reference {}", g), pos);
        }
    }
    Ok(Parsed { node, groups: p.groups, names: p.name_order, flags: p.global_flags })
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u32> {
        self.s.get(self.i).copied()
    }
    fn peek_is(&self, c: char) -> bool {
        self.peek() == Some(c as u32)
    }
    fn eat(&mut self, c: char) -> bool {
        if self.peek_is(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn skip_verbose(&mut self, flags: u32) {
        if flags & FLAG_X == 0 {
            return;
        }
        loop {
            match self.peek().map(ch) {
                Some(c) if c.is_whitespace() => self.i += 1,
                Some('#') => {
                    while let Some(c) = self.peek() {
                        self.i += 1;
                        if c == '\n' as u32 {
                            break;
                        }
                    }
                }
                _ => return,
            }
        }
    }

    /// `a|b|c` up to a `)` or the end; `top`: the pattern's outermost level.
    fn alternation(&mut self, mut flags: u32, top: bool) -> Result<Node, ReError> {
        let mut branches = Vec::new();
        loop {
            let (seq, new_flags) = self.sequence(flags, top && branches.is_empty())?;
            flags = new_flags;
            branches.push(seq);
            if !self.eat('|') {
                break;
            }
        }
        Ok(if branches.len() == 1 { branches.pop().unwrap() } else { Node::Alt(branches) })
    }

    fn sequence(&mut self, mut flags: u32, mut at_start: bool) -> Result<(Node, u32), ReError> {
        let mut items: Vec<Node> = Vec::new();
        loop {
            self.skip_verbose(flags);
            let Some(c) = self.peek() else { break };
            let c = ch(c);
            if c == '|' || c == ')' {
                break;
            }
            let start = self.i;
            if matches!(c, '*' | '+' | '?') {
                return err("nothing to repeat", start);
            }
            if c == '{' && self.repeat_bounds().is_some() {
                return err("nothing to repeat", start);
            }
            // Global flags `(?i)`: only at the very start of the pattern.
            if c == '(' && self.s.get(self.i + 1) == Some(&('?' as u32)) {
                if let Some(f) = self.global_flag_group()? {
                    if !at_start || !items.is_empty() {
                        return err("global flags not at the start of the expression", start);
                    }
                    flags |= f;
                    self.global_flags |= f;
                    continue;
                }
            }
            at_start = false;
            let atom = self.atom(flags)?;
            let atom = self.quantifiers(atom, flags, start)?;
            items.push(atom);
        }
        let node = match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap(),
            _ => Node::Concat(items),
        };
        Ok((node, flags))
    }

    /// `(?flags)` with no `:`: its flags (and moves past it); None (not moving) otherwise.
    fn global_flag_group(&mut self) -> Result<Option<u32>, ReError> {
        let mut j = self.i + 2;
        let mut f = 0;
        while let Some(&c) = self.s.get(j) {
            match flag_of(ch(c)) {
                Some(x) => f |= x,
                None => break,
            }
            j += 1;
        }
        if j == self.i + 2 || self.s.get(j) != Some(&(')' as u32)) {
            return Ok(None);
        }
        self.check_flags(f, self.i + 2)?;
        self.i = j + 1;
        Ok(Some(f))
    }

    fn check_flags(&self, f: u32, pos: usize) -> Result<(), ReError> {
        if self.bytes && f & FLAG_U != 0 {
            return err("bad inline flags: cannot use 'u' flag with a bytes pattern", pos);
        }
        if !self.bytes && f & FLAG_L != 0 {
            return err("bad inline flags: cannot use 'L' flag with a str pattern", pos);
        }
        if f & FLAG_A != 0 && f & FLAG_U != 0 {
            return err("bad inline flags: flags 'a', 'u' and 'L' are incompatible", pos);
        }
        Ok(())
    }

    /// `{m}`, `{m,}`, `{,n}`, `{m,n}` at the current position: (min, max, length), without
    /// moving. None if the brace is a literal.
    fn repeat_bounds(&self) -> Option<(Option<u64>, Option<Option<u64>>, usize)> {
        let s = self.s;
        let mut j = self.i + 1;
        let num = |j: &mut usize| -> Option<u64> {
            let st = *j;
            let mut v: u64 = 0;
            while *j < s.len() && is_digit(s[*j]) {
                v = v.saturating_mul(10).saturating_add((s[*j] - '0' as u32) as u64);
                *j += 1;
            }
            if *j > st {
                Some(v)
            } else {
                None
            }
        };
        let min = num(&mut j);
        let max = if s.get(j) == Some(&(',' as u32)) {
            j += 1;
            Some(num(&mut j))
        } else {
            None
        };
        if s.get(j) != Some(&('}' as u32)) {
            return None;
        }
        if min.is_none() && max.is_none() {
            return None;
        }
        Some((min, max, j + 1 - self.i))
    }

    fn quantifiers(&mut self, mut atom: Node, flags: u32, start: usize) -> Result<Node, ReError> {
        let mut repeated = false;
        loop {
            self.skip_verbose(flags);
            let Some(c) = self.peek() else { return Ok(atom) };
            let here = self.i;
            let (min, max) = match ch(c) {
                '*' => {
                    self.i += 1;
                    (0, None)
                }
                '+' => {
                    self.i += 1;
                    (1, None)
                }
                '?' => {
                    self.i += 1;
                    (0, Some(1))
                }
                '{' => match self.repeat_bounds() {
                    Some((lo, hi, len)) => {
                        let lo = lo.unwrap_or(0);
                        let hi = match hi {
                            None => Some(lo),
                            Some(h) => h,
                        };
                        const MAXREPEAT: u64 = 4294967295;
                        if lo >= MAXREPEAT || hi.map_or(false, |h| h >= MAXREPEAT) {
                            return Err(ReError { msg: "the repetition number is too large".into(), pos: None });
                        }
                        if let Some(h) = hi {
                            if h < lo {
                                return err("min repeat greater than max repeat", here + 1);
                            }
                        }
                        self.i += len;
                        (lo as u32, hi.map(|h| h as u32))
                    }
                    None => return Ok(atom),
                },
                _ => return Ok(atom),
            };
            if repeated {
                return err("multiple repeat", here);
            }
            if matches!(atom, Node::Empty | Node::Bol { .. } | Node::Eol { .. } | Node::StartText | Node::EndText | Node::WordB { .. }) {
                return err("nothing to repeat", start);
            }
            let (mut greedy, mut possessive) = (true, false);
            if self.eat('?') {
                greedy = false;
            } else if self.eat('+') {
                possessive = true;
            }
            atom = Node::Repeat { body: Box::new(atom), min, max, greedy, possessive };
            repeated = true;
        }
    }

    fn atom(&mut self, flags: u32) -> Result<Node, ReError> {
        let start = self.i;
        let c = ch(self.s[self.i]);
        self.i += 1;
        let icase = flags & FLAG_I != 0;
        Ok(match c {
            '(' => self.group(flags, start)?,
            '[' => self.class(flags, start)?,
            '.' => Node::Any { dotall: flags & FLAG_S != 0 },
            '^' => Node::Bol { multi: flags & FLAG_M != 0 },
            '$' => Node::Eol { multi: flags & FLAG_M != 0 },
            '\\' => self.escape(flags, start)?,
            _ => Node::Lit { c: c as u32, icase },
        })
    }

    fn ascii(&self, flags: u32) -> bool {
        self.bytes || flags & FLAG_A != 0
    }

    fn escape(&mut self, flags: u32, start: usize) -> Result<Node, ReError> {
        let icase = flags & FLAG_I != 0;
        let ascii = self.ascii(flags);
        let Some(c) = self.peek() else { return err("bad escape (end of pattern)", start) };
        let e = ch(c);
        self.i += 1;
        let cat = |cat: Cat, neg: bool| Node::Class { set: Box::new(ClassSet { neg: false, items: vec![ClassItem::Cat(cat, neg)], ascii }), icase: false };
        Ok(match e {
            'A' => Node::StartText,
            'Z' => Node::EndText,
            'b' => Node::WordB { ascii, neg: false },
            'B' => Node::WordB { ascii, neg: true },
            'd' => cat(Cat::Digit, false),
            'D' => cat(Cat::Digit, true),
            'w' => cat(Cat::Word, false),
            'W' => cat(Cat::Word, true),
            's' => cat(Cat::Space, false),
            'S' => cat(Cat::Space, true),
            '1'..='9' => {
                // A group reference, unless it is a three-digit octal escape.
                let d: Vec<u32> = self.s[self.i - 1..].iter().take(3).copied().collect();
                if d.len() == 3 && d.iter().all(|&x| (b'0' as u32..=b'7' as u32).contains(&x)) {
                    self.i += 2;
                    let v = (d[0] - 48) * 64 + (d[1] - 48) * 8 + (d[2] - 48);
                    if v > 0o377 {
                        return err(format!("octal escape value \\{} outside of range 0-0o377", d.iter().map(|&x| ch(x)).collect::<String>()), start);
                    }
                    return Ok(Node::Lit { c: v, icase });
                }
                let mut n = (c - 48) as usize;
                if self.peek().map_or(false, is_digit) {
                    n = n * 10 + (self.peek().unwrap() - 48) as usize;
                    self.i += 1;
                }
                self.check_group_ref(n, start + 1)?;
                Node::Backref { group: n, icase }
            }
            _ => Node::Lit { c: self.char_escape(e, start, false)?, icase },
        })
    }

    fn check_group_ref(&self, n: usize, pos: usize) -> Result<(), ReError> {
        if n == 0 || n > self.groups {
            return err(format!("invalid group reference {}", n), pos);
        }
        if self.open.contains(&n) {
            return err("cannot refer to an open group", pos - 1);
        }
        Ok(())
    }

    /// A one-character escape (already past the letter `e`): its code point.
    fn char_escape(&mut self, e: char, start: usize, in_class: bool) -> Result<u32, ReError> {
        Ok(match e {
            'a' => 7,
            'b' if in_class => 8,
            'f' => 12,
            'n' => 10,
            'r' => 13,
            't' => 9,
            'v' => 11,
            'x' => self.hex_escape(2, start, 'x')?,
            'u' if !self.bytes => self.hex_escape(4, start, 'u')?,
            'U' if !self.bytes => {
                let v = self.hex_escape(8, start, 'U')?;
                if v > 0x10ffff {
                    let text: String = self.s[start..self.i].iter().map(|&c| ch(c)).collect();
                    return err(format!("bad escape {}", text), start);
                }
                v
            }
            'N' if !self.bytes => {
                let end = self.s[self.i..].iter().position(|&c| c == '}' as u32).map(|k| self.i + k);
                let name: String = match end {
                    Some(e) if self.peek_is('{') => self.s[self.i + 1..e].iter().map(|&c| ch(c)).collect(),
                    _ => return err("missing {", self.i),
                };
                // Named characters need the Unicode name table, which threadlab does not ship.
                return err(format!("undefined character name '{}'", name), start);
            }
            '0'..='7' => {
                let mut v = e as u32 - 48;
                let mut n = 1;
                let max = if e == '0' || in_class { 3 } else { 3 };
                while n < max && self.peek().map_or(false, |c| (b'0' as u32..=b'7' as u32).contains(&c)) {
                    v = v * 8 + self.peek().unwrap() - 48;
                    self.i += 1;
                    n += 1;
                }
                if v > 0o377 {
                    let text: String = self.s[start + 1..self.i].iter().map(|&c| ch(c)).collect();
                    return err(format!("octal escape value \\{} outside of range 0-0o377", text), start);
                }
                v
            }
            c if c.is_ascii_alphanumeric() => return err(format!("bad escape \\{}", c), start),
            c => c as u32,
        })
    }

    fn hex_escape(&mut self, n: usize, start: usize, letter: char) -> Result<u32, ReError> {
        let mut v = 0u32;
        for k in 0..n {
            match self.s.get(self.i + k).and_then(|&c| ch(c).to_digit(16)) {
                Some(d) => v = v * 16 + d,
                None => {
                    let text: String = self.s[self.i..self.i + k].iter().map(|&c| ch(c)).collect();
                    return err(format!("incomplete escape \\{}{}", letter, text), start);
                }
            }
        }
        self.i += n;
        Ok(v)
    }

    fn class(&mut self, flags: u32, start: usize) -> Result<Node, ReError> {
        let icase = flags & FLAG_I != 0;
        let ascii = self.ascii(flags);
        let neg = self.eat('^');
        let mut items = Vec::new();
        let mut first = true;
        loop {
            let Some(c) = self.peek() else { return err("unterminated character set", start) };
            if c == ']' as u32 && !first {
                self.i += 1;
                break;
            }
            first = false;
            let item_start = self.i;
            let lo = self.class_atom(flags)?;
            if self.peek_is('-') && self.s.get(self.i + 1).map_or(false, |&c| c != ']' as u32) {
                self.i += 1;
                let hi_start = self.i;
                let hi = self.class_atom(flags)?;
                match (lo, hi) {
                    (ClassItem::Range(a, _), ClassItem::Range(b, _)) => {
                        if b < a {
                            let text: String = self.s[item_start..self.i].iter().map(|&c| ch(c)).collect();
                            return err(format!("bad character range {}", text), item_start);
                        }
                        items.push(ClassItem::Range(a, b));
                    }
                    _ => {
                        let _ = hi_start;
                        let text: String = self.s[item_start..self.i].iter().map(|&c| ch(c)).collect();
                        return err(format!("bad character range {}", text), item_start);
                    }
                }
            } else {
                items.push(lo);
            }
        }
        Ok(Node::Class { set: Box::new(ClassSet { neg, items, ascii }), icase })
    }

    fn class_atom(&mut self, flags: u32) -> Result<ClassItem, ReError> {
        let start = self.i;
        let Some(c) = self.peek() else { return err("unterminated character set", start) };
        self.i += 1;
        if c != '\\' as u32 {
            return Ok(ClassItem::Range(c, c));
        }
        let _ = flags;
        let Some(e) = self.peek() else { return err("unterminated character set", start) };
        self.i += 1;
        Ok(match ch(e) {
            'd' => ClassItem::Cat(Cat::Digit, false),
            'D' => ClassItem::Cat(Cat::Digit, true),
            'w' => ClassItem::Cat(Cat::Word, false),
            'W' => ClassItem::Cat(Cat::Word, true),
            's' => ClassItem::Cat(Cat::Space, false),
            'S' => ClassItem::Cat(Cat::Space, true),
            'A' | 'Z' | 'B' | '8' | '9' => return err(format!("bad escape \\{}", ch(e)), start),
            other => {
                let v = self.char_escape(other, start, true)?;
                ClassItem::Range(v, v)
            }
        })
    }

    fn name_until(&mut self, end: char) -> Result<(String, usize), ReError> {
        let st = self.i;
        while let Some(c) = self.peek() {
            if c == end as u32 {
                let name: String = self.s[st..self.i].iter().map(|&c| ch(c)).collect();
                self.i += 1;
                if name.is_empty() {
                    return err("missing group name", st);
                }
                return Ok((name, st));
            }
            self.i += 1;
        }
        if st == self.i {
            return err("missing group name", st);
        }
        err(format!("missing {}, unterminated name", end), st)
    }

    fn check_name(&self, name: &str, pos: usize) -> Result<(), ReError> {
        let mut cs = name.chars();
        let ok = cs.next().map_or(false, |c| c == '_' || c.is_alphabetic()) && cs.all(|c| c == '_' || c.is_alphanumeric());
        if !ok {
            return err(format!("bad character in group name '{}'", name), pos);
        }
        Ok(())
    }

    fn close(&mut self, open_at: usize, what: &str) -> Result<(), ReError> {
        if !self.eat(')') {
            return err(format!("missing ), unterminated {}", what), open_at);
        }
        Ok(())
    }

    fn group(&mut self, flags: u32, start: usize) -> Result<Node, ReError> {
        if !self.eat('?') {
            self.groups += 1;
            let index = self.groups;
            self.open.push(index);
            let body = self.alternation(flags, false)?;
            self.close(start, "subpattern")?;
            self.open.retain(|&g| g != index);
            return Ok(Node::Group { index: Some(index), body: Box::new(body) });
        }
        let Some(c) = self.peek() else { return err("unexpected end of pattern", self.i) };
        let c = ch(c);
        self.i += 1;
        match c {
            ':' => {
                let body = self.alternation(flags, false)?;
                self.close(start, "subpattern")?;
                Ok(Node::Group { index: None, body: Box::new(body) })
            }
            'P' => {
                if self.eat('<') {
                    let (name, pos) = self.name_until('>')?;
                    self.check_name(&name, pos)?;
                    self.groups += 1;
                    let index = self.groups;
                    if let Some(&old) = self.names.get(&name) {
                        return err(format!("redefinition of group name '{}' as group {}; was group {}", name, index, old), pos);
                    }
                    self.names.insert(name.clone(), index);
                    self.name_order.push((name, index));
                    self.open.push(index);
                    let body = self.alternation(flags, false)?;
                    self.close(start, "subpattern")?;
                    self.open.retain(|&g| g != index);
                    Ok(Node::Group { index: Some(index), body: Box::new(body) })
                } else if self.eat('=') {
                    let (name, pos) = self.name_until(')')?;
                    self.check_name(&name, pos)?;
                    let Some(&g) = self.names.get(&name) else { return err(format!("unknown group name '{}'", name), pos) };
                    if self.open.contains(&g) {
                        return err("cannot refer to an open group", pos);
                    }
                    Ok(Node::Backref { group: g, icase: flags & FLAG_I != 0 })
                } else {
                    match self.peek() {
                        None => err("unexpected end of pattern", self.i),
                        Some(x) => err(format!("unknown extension ?P{}", ch(x)), start + 1),
                    }
                }
            }
            '=' | '!' => {
                let body = self.alternation(flags, false)?;
                self.close(start, "subpattern")?;
                Ok(Node::Look { behind: false, neg: c == '!', body: Box::new(body) })
            }
            '<' => {
                let Some(d) = self.peek() else { return err("unexpected end of pattern", self.i) };
                let d = ch(d);
                if d != '=' && d != '!' {
                    return err(format!("unknown extension ?<{}", d), start + 1);
                }
                self.i += 1;
                let body = self.alternation(flags, false)?;
                self.close(start, "subpattern")?;
                match width(&body) {
                    Some((lo, hi)) if lo == hi => {}
                    _ => return Err(ReError { msg: "look-behind requires fixed-width pattern".into(), pos: None }),
                }
                Ok(Node::Look { behind: true, neg: d == '!', body: Box::new(body) })
            }
            '#' => {
                while let Some(x) = self.peek() {
                    self.i += 1;
                    if x == ')' as u32 {
                        return Ok(Node::Empty);
                    }
                }
                err("missing ), unterminated comment", start)
            }
            '>' => {
                let body = self.alternation(flags, false)?;
                self.close(start, "subpattern")?;
                Ok(Node::Atomic(Box::new(body)))
            }
            '(' => {
                let (name, pos) = self.name_until(')')?;
                let group = if name.chars().all(|c| c.is_ascii_digit()) {
                    let n: usize = name.parse().unwrap_or(usize::MAX);
                    if n == 0 {
                        return err("bad group number", pos);
                    }
                    if n >= 1 << 30 {
                        return err(format!("invalid group reference {}", name), pos);
                    }
                    self.cond_refs.push((n, pos));
                    n
                } else {
                    self.check_name(&name, pos)?;
                    match self.names.get(&name) {
                        Some(&g) => g,
                        None => return err(format!("unknown group name '{}'", name), pos),
                    }
                };
                let (yes, _) = self.sequence(flags, false)?;
                let no = if self.eat('|') {
                    let (no, _) = self.sequence(flags, false)?;
                    if self.peek_is('|') {
                        return err("conditional backref with more than two branches", self.i);
                    }
                    no
                } else {
                    Node::Empty
                };
                self.close(start, "subpattern")?;
                Ok(Node::Cond { group, yes: Box::new(yes), no: Box::new(no) })
            }
            c if flag_of(c).is_some() || c == '-' => {
                // Scoped flags: (?i:...), (?-i:...), (?i-s:...).
                self.i -= 1;
                let mut add = 0;
                let mut del = 0;
                while let Some(f) = self.peek().and_then(|x| flag_of(ch(x))) {
                    add |= f;
                    self.i += 1;
                }
                if self.eat('-') {
                    let st = self.i;
                    while let Some(f) = self.peek().and_then(|x| flag_of(ch(x))) {
                        del |= f;
                        self.i += 1;
                    }
                    if self.i == st {
                        return match self.peek() {
                            Some(x) if ch(x).is_alphabetic() => err("unknown flag", self.i),
                            _ => err("missing flag", self.i),
                        };
                    }
                }
                match self.peek() {
                    Some(x) if x == ':' as u32 => self.i += 1,
                    Some(x) if x == ')' as u32 && del == 0 => {
                        // (?i) after the start of the pattern.
                        return err("global flags not at the start of the expression", start);
                    }
                    Some(x) if ch(x).is_alphabetic() => return err("unknown flag", self.i),
                    None => return err("missing -, : or )", self.i),
                    Some(_) => return err("missing -, : or )", self.i),
                }
                self.check_flags(add, start + 2)?;
                let inner = (flags | add) & !del;
                let body = self.alternation(inner, false)?;
                self.close(start, "subpattern")?;
                Ok(Node::Group { index: None, body: Box::new(body) })
            }
            other => err(format!("unknown extension ?{}", other), start + 1),
        }
    }
}

fn flag_of(c: char) -> Option<u32> {
    Some(match c {
        'i' => FLAG_I,
        'L' => FLAG_L,
        'm' => FLAG_M,
        's' => FLAG_S,
        'u' => FLAG_U,
        'x' => FLAG_X,
        'a' => FLAG_A,
        _ => return None,
    })
}

/// (min, max) characters a node matches; None for an unbounded (or unknown) width.
pub fn width(n: &Node) -> Option<(usize, usize)> {
    Some(match n {
        Node::Empty | Node::Bol { .. } | Node::Eol { .. } | Node::StartText | Node::EndText | Node::WordB { .. } | Node::Look { .. } => (0, 0),
        Node::Lit { .. } | Node::Any { .. } | Node::Class { .. } => (1, 1),
        Node::Group { body, .. } | Node::Atomic(body) => width(body)?,
        Node::Concat(items) => {
            let (mut lo, mut hi) = (0, 0);
            for x in items {
                let (a, b) = width(x)?;
                lo += a;
                hi += b;
            }
            (lo, hi)
        }
        Node::Alt(items) => {
            let mut r: Option<(usize, usize)> = None;
            for x in items {
                let (a, b) = width(x)?;
                r = Some(match r {
                    None => (a, b),
                    Some((p, q)) => (p.min(a), q.max(b)),
                });
            }
            r.unwrap_or((0, 0))
        }
        Node::Repeat { body, min, max, .. } => {
            let (a, b) = width(body)?;
            (a * *min as usize, b * (*max)? as usize)
        }
        Node::Cond { yes, no, .. } => {
            let (a, b) = width(yes)?;
            let (c, d) = width(no)?;
            (a.min(c), b.max(d))
        }
        Node::Backref { .. } => return None,
    })
}
