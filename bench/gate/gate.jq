# The gate as a jq program: every check of $checks holds on the metrics (a missing metric or a
# non-number fails). Usage: jq -e --slurpfile checks checks.json -f gate.jq metrics.json
. as $m
| $checks[0]
| all(.[];
    . as $c
    | ($m | getpath($c.metric | split("."))) as $v
    | ($v | type) == "number"
      and (if $c.op == ">=" then $v >= $c.threshold
           elif $c.op == "<=" then $v <= $c.threshold
           elif $c.op == ">" then $v > $c.threshold
           else $v < $c.threshold end))
