{#-
  Many checks on one model in as few scans as the checks allow (the `checks` test).

  Each check is rendered through its own test macro with a collector in place of the model.
  The row and aggregate builders see the collector and hand back what they would check (the
  row outcome, or the aggregate expression and its condition) instead of SQL, so a batched
  check runs exactly the logic of the test it names. Tests that need their own relation
  (window functions, another model, the catalog) cannot be collected and are refused.

  The scans: every row check and every plain aggregate share one aggregate query (row checks
  become a failure count, and with `mostly` a row count, aggregates their expression).
  Aggregate checks with a group_by get one query per distinct group_by, computing only their
  own measures. An aggregate check's row_condition becomes a FILTER on each of its aggregate
  calls (see batch_filtered_expression), so it shares the scan of its group_by; where the
  engine has no FILTER, or the expression calls a function the batch does not know, the check
  gets a query of its own per distinct (row_condition, group_by). One GROUPING SETS query could
  read the table once for all of them, but it computes every aggregate in every set: a
  uniqueness check grouped by a key turns each quantile and distinct count into one per row
  (measured 7x slower than separate tests on DuckDB, and unfinished on PostgreSQL, in
  bench/checks).
-#}

{% macro is_batch_collector(model) -%}
  {{ return(model is mapping and "assay_batch" in model) }}
{%- endmacro %}

{% macro collect_checks(model, checks) %}
  {%- set specs = [] -%}
  {%- for check in checks -%}
    {%- set position = "checks[" ~ loop.index0 ~ "]" -%}
    {%- if check is not mapping or not check.get("test") -%}
      {{ assay.arg_error("checks", model, position, "must be a mapping with a `test` key, got " ~ (check | tojson)) }}
    {%- endif -%}
    {%- set test_name = check["test"] | replace("assay.", "") -%}
    {%- set test_macro = assay.get("test_" ~ test_name) if assay.get is defined else none -%}
    {%- if test_macro is none -%}
      {{ assay.arg_error("checks", model, position ~ ".test", "names no assay test: " ~ (check["test"] | tojson)) }}
    {%- endif -%}
    {%- set arguments = {} -%}
    {%- for key, value in check.items() if key not in ("test", "name") -%}
      {%- do arguments.update({key: value}) -%}
    {%- endfor -%}
    {%- set collector = {"assay_batch": [], "relation": model} -%}
    {%- do test_macro(model=collector, **arguments) -%}
    {%- set collected = collector["assay_batch"] -%}
    {%- if (collected | length) != 1 or "assay_batch" in (collected | tojson) -%}
      {{ assay.arg_error("checks", model, position ~ ".test",
          "cannot run in a batch: " ~ test_name ~ " needs a query of its own (run it as a separate test)") }}
    {%- endif -%}
    {%- set spec = assay.batch_fold_condition(collected[0]) -%}
    {%- set label = check.get("name") or (test_name ~ ("(" ~ check["column_name"] ~ ")" if check.get("column_name") else "")) -%}
    {%- do spec.update({"name": label, "test": test_name}) -%}
    {%- do specs.append(spec) -%}
  {%- endfor -%}
  {{ return(specs) }}
{% endmacro %}

{#- The query a check's measures come from: its row_condition (aggregate checks), its group_by,
    and whether it sorts (see batch_isolates_sorted_aggregates). -#}
{% macro batch_set(spec) -%}
  {%- set sorted = spec.kind == "aggregate" and assay.batch_isolates_sorted_aggregates() and assay.is_sorted_aggregate(spec.expression) -%}
  {%- if spec.kind == "aggregate" -%}
    {{ return({"where": spec.row_condition or none, "groups": spec.groups, "sorted": sorted}) }}
  {%- endif -%}
  {{ return({"where": none, "groups": [], "sorted": false}) }}
{%- endmacro %}

{#- Ordered-set aggregates (quantiles) and DISTINCT aggregates have no partial form on
    PostgreSQL, so one of them in a query makes the whole query run in a single process. Kept
    in a query of their own, they leave the row checks and the other aggregates free to run in
    parallel workers: one more scan, less time. DuckDB runs both kinds in parallel anyway. -#}
{% macro batch_isolates_sorted_aggregates() %}{{ return(adapter.dispatch("batch_isolates_sorted_aggregates", "assay")()) }}{% endmacro %}
{% macro default__batch_isolates_sorted_aggregates() %}{{ return(false) }}{% endmacro %}
{% macro postgres__batch_isolates_sorted_aggregates() %}{{ return(true) }}{% endmacro %}

{% macro is_sorted_aggregate(expression) -%}
  {%- set text = expression | lower -%}
  {{ return(modules.re.search("\\bwithin\\s+group\\b|\\(\\s*distinct\\b", text) is not none) }}
{%- endmacro %}

{#-
  The measures of each set, each computed once: two checks that need the same aggregate (the
  same regex with and without `mostly`, say) read one column. A row check with `mostly` 1 needs
  only its failure count; below 1 also the number of rows it counted.
-#}
{% macro batch_measures(specs, members) %}
  {%- set measures = [] -%}
  {%- set aliases = {} -%}
  {%- set refs = {} -%}
  {%- for i in members -%}
    {%- set spec = specs[i] -%}
    {%- set wanted = {} -%}
    {%- if spec.kind == "row" -%}
      {%- do wanted.update({"f": "sum(" ~ assay.batch_row_value(spec) ~ ")"}) -%}
      {%- if spec.mostly < 1 -%}{%- do wanted.update({"n": assay.batch_row_count(spec)}) -%}{%- endif -%}
    {%- else -%}
      {%- do wanted.update({"v": spec.expression}) -%}
      {%- if spec.filtered_by and spec.groups -%}
        {%- do wanted.update({"c": "count(*) filter (where " ~ spec.filtered_by ~ ")"}) -%}
      {%- endif -%}
    {%- endif -%}
    {%- set ref = {} -%}
    {%- for role, expression in wanted.items() -%}
      {%- if expression not in aliases -%}
        {%- do aliases.update({expression: "assay_m_" ~ (measures | length)}) -%}
        {%- do measures.append([aliases[expression], expression]) -%}
      {%- endif -%}
      {%- do ref.update({role: aliases[expression]}) -%}
    {%- endfor -%}
    {%- do refs.update({i: ref}) -%}
  {%- endfor -%}
  {{ return({"measures": measures, "refs": refs}) }}
{% endmacro %}

{#-
  One aggregate query per distinct (row_condition, group_by) of the checks, each computing only
  its own checks' measures (plain checks and every row check share the first one). A set is
  exactly the aggregation its checks would run as separate tests, so an ungrouped set always
  yields one row (an empty input aggregates to count 0 / NULL) and a grouped one yields one row
  per group. Each set is joined with its own check list, so every measure is read once.
-#}
{% macro batch_sql(model, specs) %}
  {%- set sets = [] -%}
  {%- set members = [] -%}
  {%- for spec in specs -%}
    {%- set key = assay.batch_set(spec) -%}
    {%- if key not in sets -%}{%- do sets.append(key) -%}{%- do members.append([]) -%}{%- endif -%}
    {%- do members[sets.index(key)].append(loop.index0) -%}
  {%- endfor -%}
  {%- set plans = [] -%}
  {%- for key in sets -%}{%- do plans.append(assay.batch_measures(specs, members[loop.index0])) -%}{%- endfor %}
with
{%- for key in sets %}
{%- set s = loop.index0 %}
{%- set plan = plans[s] %}
assay_set_{{ s }} as (
    select
        {%- for alias, expression in plan.measures %}
        {{ expression }} as {{ alias }}{{ "," if not loop.last }}
        {%- endfor %}
    from {{ model }}
    {%- if key.where %}
    where {{ key.where }}
    {%- endif %}
    {%- if key.groups %}
    group by {{ key.groups | join(", ") }}
    {%- endif %}
),
{%- endfor %}
assay_failures as (
    {%- for key in sets %}
    {%- set s = loop.index0 %}
    {%- set refs = plans[s].refs %}
    select
        assay_checks.check_name,
        assay_checks.test_name,
        case assay_checks.assay_check
            {%- for i in members[s] %}
            when {{ i }} then {{ refs[i].f if specs[i].kind == "row" else "1" }}
            {%- endfor %}
        end as failures
    from assay_set_{{ s }}
    cross join (
        {%- for i in members[s] %}
        select {{ i }} as assay_check, {{ assay.string_literal(specs[i].name) }} as check_name,
               {{ assay.string_literal(specs[i].test) }} as test_name
        {{- "\n        union all" if not loop.last }}
        {%- endfor %}
    ) as assay_checks
    where case assay_checks.assay_check
        {%- for i in members[s] %}
        when {{ i }} then {{ assay.batch_failing(specs[i], refs[i]) }}
        {%- endfor %}
    end
    {{- "\n    union all" if not loop.last }}
    {%- endfor %}
)
select {{ assay.failing_shape(["check_name", "test_name", "sum(failures) as failures"]) }}
from assay_failures
group by check_name, test_name
{% endmacro %}

{#- A row check's outcome (1 failing, 0 passing, NULL not counted) within its row_condition. -#}
{% macro batch_row_value(spec, outcome=none) -%}
  {%- set outcome = spec.outcome if outcome is none else outcome -%}
  {%- if spec.row_condition -%}case when ({{ spec.row_condition }}) then {{ outcome }} end
  {%- else -%}{{ outcome }}{%- endif -%}
{%- endmacro %}

{#- The rows a `mostly` check counts. When NULLs fail, the outcome is never NULL, so that is
    every row (within the row_condition) and the outcome need not be evaluated again. -#}
{% macro batch_row_count(spec) -%}
  {%- if spec.counts_every_row and not spec.row_condition -%}count(*)
  {%- else -%}count({{ assay.batch_row_value(spec, "1" if spec.counts_every_row else spec.outcome) }}){%- endif -%}
{%- endmacro %}

{% macro batch_failing(spec, ref) -%}
  {%- if spec.kind == "row" and spec.mostly < 1 -%}
    ({{ ref.f }} > 0 and {{ ref.n }} - {{ ref.f }} < {{ spec.mostly }} * {{ ref.n }})
  {%- elif spec.kind == "row" -%}
    {{ ref.f }} > 0
  {%- else -%}
    {#- A separate test's WHERE leaves no group without a matching row; the FILTER keeps them. -#}
    {{ "(" ~ ref.c ~ " > 0 and " if ref.c }}not coalesce({{ spec.condition | replace("observed_value", ref.v) }}, {{ "true" if spec.null_passes else "false" }}){{ ")" if ref.c }}
  {%- endif -%}
{%- endmacro %}

{#-
  An aggregate check's row_condition moved into its expression, so the check can share the scan
  of the other checks with its group_by: every aggregate call gets `filter (where condition)`.
  Only where the engine has FILTER and every function the expression calls is known to be an
  aggregate or a scalar function; anything else (a user's expression calling a function not
  listed, a window, a subquery) keeps the condition as its set's WHERE, which is always right.
-#}
{% macro batch_fold_condition(spec) %}
  {%- if spec.kind == "aggregate" and spec.row_condition and assay.batch_filters_aggregates() -%}
    {%- set condition = "(" ~ spec.row_condition ~ ")" -%}
    {%- set filtered = assay.batch_filtered_expression(spec.expression, condition) -%}
    {%- if filtered is not none -%}
      {%- do spec.update({"expression": filtered, "row_condition": none, "filtered_by": condition}) -%}
    {%- endif -%}
  {%- endif -%}
  {{ return(spec) }}
{% endmacro %}

{% macro batch_filters_aggregates() %}{{ return(adapter.dispatch("batch_filters_aggregates", "assay")()) }}{% endmacro %}
{% macro default__batch_filters_aggregates() %}{{ return(false) }}{% endmacro %}
{% macro postgres__batch_filters_aggregates() %}{{ return(true) }}{% endmacro %}
{% macro duckdb__batch_filters_aggregates() %}{{ return(true) }}{% endmacro %}
{% macro spark__batch_filters_aggregates() %}{{ return(true) }}{% endmacro %}

{#-
  `expression` with `filter (where condition)` after each aggregate call (after its `within
  group (...)` for an ordered-set aggregate), or none when that cannot be done safely. The
  tokens are quoted strings and identifiers (skipped whole, so a column named "count(" is
  harmless), words, parentheses and any other character.
-#}
{% macro batch_filtered_expression(expression, condition) %}
  {%- set aggregates = ["avg", "sum", "min", "max", "count", "stddev", "stddev_samp", "stddev_pop",
                        "variance", "var_samp", "var_pop", "percentile_cont", "percentile_disc",
                        "percentile", "quantile_cont", "quantile_disc", "median", "bool_and", "bool_or",
                        "count_if", "approx_count_distinct", "corr", "covar_samp", "covar_pop"] -%}
  {%- set scalars = ["cast", "coalesce", "nullif", "abs", "sqrt", "ln", "log", "log10", "exp", "power",
                     "round", "floor", "ceil", "ceiling", "greatest", "least", "length", "char_length",
                     "lower", "upper", "trim", "sign", "array"] -%}
  {%- set refused = ["filter", "over", "select", "window"] -%}
  {%- set tokens = [] -%}
  {%- for m in modules.re.finditer("'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|`[^`]*`|[A-Za-z_][A-Za-z0-9_$]*|\\S", expression) -%}
    {%- do tokens.append({"text": m.group(0), "word": m.group(0) | lower, "end": m.end()}) -%}
  {%- endfor -%}
  {#- opens: one entry per open parenthesis, true when closing it ends an aggregate call -#}
  {%- set state = namespace(ok=true, opens=[], pending=false, cuts=[]) -%}
  {%- for t in tokens -%}
    {%- set i = loop.index0 -%}
    {%- set next = tokens[i + 1].word if i + 1 < (tokens | length) else "" -%}
    {%- set prev = tokens[i - 1].word if i > 0 else "" -%}
    {%- set prev2 = tokens[i - 2].word if i > 1 else "" -%}
    {%- if t.word in refused or (t.text[:1] == "'" and "\\" in t.text) -%}
      {#- a backslash in a literal is an escape on Spark and a character on PostgreSQL -#}
      {%- set state.ok = false -%}
    {%- elif t.text == "(" -%}
      {%- set ordered = prev == "group" and prev2 == "within" -%}
      {%- do state.opens.append(prev in aggregates or ordered) -%}
    {%- elif t.text == ")" -%}
      {%- if not state.opens -%}{%- set state.ok = false -%}
      {%- elif state.opens.pop() -%}
        {%- if next == "within" -%}
          {%- set state.pending = true -%}
        {%- else -%}
          {%- do state.cuts.append(t.end) -%}
          {%- set state.pending = false -%}
        {%- endif -%}
      {%- endif -%}
    {%- elif next == "(" and t.word not in aggregates and t.word not in scalars
             and t.word not in ("group", "distinct", "as", "and", "or", "not", "in", "then", "else", "when", "by") -%}
      {%- set state.ok = false -%}
    {%- endif -%}
  {%- endfor -%}
  {#- no cut: no aggregate call to filter -#}
  {%- if not state.ok or not state.cuts or state.opens or state.pending -%}
    {{ return(none) }}
  {%- endif -%}
  {%- set pieces = [] -%}
  {%- set at = namespace(start=0) -%}
  {%- for cut in state.cuts -%}
    {%- do pieces.append(expression[at.start:cut] ~ " filter (where " ~ condition ~ ")") -%}
    {%- set at.start = cut -%}
  {%- endfor -%}
  {%- do pieces.append(expression[at.start:]) -%}
  {{ return(pieces | join("")) }}
{% endmacro %}
