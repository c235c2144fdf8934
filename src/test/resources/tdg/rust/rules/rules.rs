//! One function per rule. The comment above each fn gives the expected numbers, derived by hand
//! from the rules in docs/tdg.md (cyclomatic) and the SonarSource specification (cognitive).

// cyclomatic 2 (1 + if), cognitive 1 (if)
fn rule_if(a: bool) -> i32 {
    if a {
        return 1;
    }
    0
}

// cyclomatic 3 (1 + if + else if), cognitive 3 (if +1, else if +1, else +1)
fn rule_else_if(a: bool, b: bool) -> i32 {
    if a {
        1
    } else if b {
        2
    } else {
        3
    }
}

// cyclomatic 4 (1 + for + if + while), cognitive 6 (for +1, if +1+1, while +1+2)
fn rule_nesting(xs: &[i32], mut y: i32) {
    for x in xs {
        if *x > 0 {
            while y > 0 {
                y -= 1;
            }
        }
    }
}

// cyclomatic 3 (1 + two arms; the catch-all _ arm is not a decision), cognitive 1 (match)
fn rule_match(x: i32) -> &'static str {
    match x {
        1 => "one",
        2 | 3 => "few",
        _ => "many",
    }
}

// cyclomatic 4 (1 + for + arm 0 + if), cognitive 6 (for +1, match +1+1, if +1+2 in an arm)
fn rule_match_nested(n: i32) {
    for i in 0..n {
        match i {
            0 => {}
            _ => {
                if i > 2 {}
            }
        }
    }
}

// cyclomatic 4 (1 + three operators), cognitive 3 (&&, ||, &&: three sequences)
fn rule_operators(a: bool, b: bool, c: bool, d: bool) -> bool {
    a && b || c && d
}

// cyclomatic 3, cognitive 2 (parentheses start a new sequence)
fn rule_parenthesised(a: bool, b: bool, c: bool) -> bool {
    a && (b || c)
}

// cyclomatic 3 (1 + two ? operators), cognitive 0
fn rule_question(f: fn() -> Result<i32, String>) -> Result<i32, String> {
    let v = f()?;
    let w = f()?;
    Ok(v + w)
}

// cyclomatic 4 (1 + loop + for + if), cognitive 7 (loop +1, for +1+1, if +1+2, break to a label +1)
fn rule_labels() {
    'outer: loop {
        for i in 0..3 {
            if i == 1 {
                break 'outer;
            }
            continue;
        }
    }
}

// cyclomatic 2 (the closure's if counts here), cognitive 3 (if +1+1 inside the closure, else +1)
fn rule_closure(xs: &[i32]) -> i32 {
    xs.iter().map(|x| if *x > 0 { 1 } else { 0 }).sum()
}

// cyclomatic 2, cognitive 3 (if +1, else +1, recursive call +1)
fn rule_recursion(n: u64) -> u64 {
    if n <= 1 {
        1
    } else {
        n * rule_recursion(n - 1)
    }
}

// cyclomatic 1 (inner is its own unit), cognitive 3 (inner's if +1+1 and else +1, nested)
fn rule_nested_fn(x: i32) -> i32 {
    // cyclomatic 2, cognitive 2 (if +1, else +1)
    fn inner(y: i32) -> i32 {
        if y > 0 {
            y
        } else {
            0
        }
    }
    inner(x)
}

// cyclomatic 3 (1 + while + if), cognitive 3 (while let +1, if let +1+1)
fn rule_let(it: &mut dyn Iterator<Item = Result<i32, ()>>) -> i32 {
    let mut s = 0;
    while let Some(x) = it.next() {
        if let Ok(v) = x {
            s += v;
        }
    }
    s
}

struct Node {
    next: Option<Box<Node>>,
}

impl Node {
    // cyclomatic 3 (1 + two arms), cognitive 1 (match; n.depth() is another node's method)
    fn depth(&self) -> u32 {
        match &self.next {
            Some(n) => 1 + n.depth(),
            None => 1,
        }
    }

    // cyclomatic 1, cognitive 1 (self.walk() is recursion)
    fn walk(&self) -> u32 {
        self.walk()
    }
}
