{#-
  Many checks on one model in as few scans as the checks allow (the `checks` test).

  Each check is rendered through its own test macro with a collector in place of the model.
  The row and aggregate builders see the collector and hand back what they would check (the
  row outcome, or the aggregate expression and its condition) instead of SQL, so a batched
  check runs exactly the logic of the test it names. Tests that need their own relation
  (window functions, another model, the catalog) cannot be collected and are refused.

  The scans: every row check and every plain aggregate share one aggregate query (row checks
  become a failure count, and with `mostly` a row count, aggregates their expression). Aggregate checks with a group_by or a
  row_condition get one query per distinct (row_condition, group_by), computing only their own
  measures. One GROUPING SETS query could read the table once for all of them, but it computes
  every aggregate in every set: a uniqueness check grouped by a key turns each quantile and
  distinct count into one per row (measured 7x slower than separate tests on DuckDB, and
  unfinished on PostgreSQL, in bench/checks).
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
    {%- set spec = collected[0] -%}
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
      {%- if spec.mostly < 1 -%}{%- do wanted.update({"n": "count(" ~ assay.batch_row_value(spec) ~ ")"}) -%}{%- endif -%}
    {%- else -%}
      {%- do wanted.update({"v": spec.expression}) -%}
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
{% macro batch_row_value(spec) -%}
  {%- if spec.row_condition -%}case when ({{ spec.row_condition }}) then {{ spec.outcome }} end
  {%- else -%}{{ spec.outcome }}{%- endif -%}
{%- endmacro %}

{% macro batch_failing(spec, ref) -%}
  {%- if spec.kind == "row" and spec.mostly < 1 -%}
    ({{ ref.f }} > 0 and {{ ref.n }} - {{ ref.f }} < {{ spec.mostly }} * {{ ref.n }})
  {%- elif spec.kind == "row" -%}
    {{ ref.f }} > 0
  {%- else -%}
    not coalesce({{ spec.condition | replace("observed_value", ref.v) }}, {{ "true" if spec.null_passes else "false" }})
  {%- endif -%}
{%- endmacro %}
