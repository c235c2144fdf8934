"""One function per rule. The comment above each def gives the expected numbers.

Cyclomatic numbers are radon 5.1's (`radon cc -s rules.py` prints the same); cognitive
numbers are written from the SonarSource specification as SonarPython applies it.
"""


# cyclomatic 2 (1 + if), cognitive 1 (if at nesting 0)
def rule_if(a):
    if a:
        return 1
    return 0


# cyclomatic 3 (1 + if + elif), cognitive 3 (if +1, elif +1, else +1; no nesting increments)
def rule_elif_else(a, b):
    if a:
        return 1
    elif b:
        return 2
    else:
        return 3


# cyclomatic 4 (1 + for + if + while), cognitive 6 (for +1, if +1+1, while +1+2)
def rule_nesting(xs):
    for x in xs:
        if x:
            while x:
                x -= 1


# cyclomatic 4 (1 + three operators), cognitive 3 (and, or, and: three sequences)
def rule_mixed_operators(a, b, c, d):
    return a and b or c and d


# cyclomatic 3 (1 + two operators), cognitive 1 (one sequence of like operators)
def rule_like_operators(a, b, c):
    return a and b and c


# cyclomatic 3, cognitive 2 (parentheses start a new sequence: and +1, or +1)
def rule_parenthesised_operators(a, b, c):
    return a and (b or c)


# cyclomatic 3 (two conditional expressions), cognitive 3 (+1, then +1+1 nested inside the first)
def rule_conditional_expression(a, b):
    return 1 if a else (2 if b else 3)


# cyclomatic 4 (1 + two handlers + else), cognitive 3 (except +1, except +1, else +1)
def rule_try(f):
    try:
        f()
    except ValueError:
        return 1
    except KeyError:
        return 2
    else:
        return 3
    finally:
        f()


# cyclomatic 4 (1 + for + its else + if), cognitive 4 (for +1, if +1+1, else +1)
def rule_loop_else(xs):
    for x in xs:
        if x:
            break
    else:
        return 0
    return 1


# cyclomatic 2, cognitive 1 (while +1)
def rule_while(a):
    while a:
        a -= 1


# cyclomatic 2, cognitive 1 (with does not nest: if +1)
def rule_with(p):
    with open(p) as f:
        if f:
            return 1
    return 0


# cyclomatic 2 (1 + comprehension for; inner is its own unit), cognitive 2 (inner's if: +1+1)
def rule_nested_function(xs):
    # cyclomatic 2, cognitive 1 (if at nesting 0 of its own)
    def inner(x):
        if x:
            return 1
        return 0
    return [inner(x) for x in xs]


# cyclomatic 1, cognitive 1 (a wrapper does not nest: if +1)
def rule_decorator(fn):
    # cyclomatic 2, cognitive 1
    def wrapper(*args):
        if args:
            return fn(*args)
        return None
    return wrapper


# cyclomatic 2 (1 + conditional expression), cognitive 1 (a lambda does not nest)
def rule_lambda(xs):
    return sorted(xs, key=lambda x: x if x else 0)


# cyclomatic 3 (1 + for clause + if clause), cognitive 0 (comprehensions add nothing)
def rule_comprehension(xs):
    return [x for x in xs if x]


# cyclomatic 2, cognitive 2 (if +1, recursive call +1)
def rule_recursion(n):
    if n <= 1:
        return 1
    return n * rule_recursion(n - 1)


class Tree:
    """A class whose method calls itself."""

    # cyclomatic 2, cognitive 2 (conditional expression +1, self.walk +1)
    def walk(self, node):
        return self.walk(node.left) if node else 0


# cyclomatic 2 (radon 5.1 counts no match or case: 1 + if), cognitive 2 (if +1+1 in a case)
def rule_match(c):
    match c:
        case 1:
            if c:
                return 1
        case _:
            return 0


# cyclomatic 2 (assert +1, nothing inside it), cognitive 1 (one sequence)
def rule_assert(a, b):
    assert a and b, "both"


# cyclomatic 4 (1 + for + if + elif), cognitive 5 (for +1, if +2, elif +1, else +1)
def rule_elif_nested(xs, a, b):
    for x in xs:
        if a:
            x()
        elif b:
            x()
        else:
            x()


# cyclomatic 4 (1 + if + handler + if), cognitive 4 (if +1 in try, except +1, if +1+1)
def rule_try_nesting(a, b, f):
    try:
        if a:
            f()
    except OSError:
        if b:
            f()
