{#-
  Matching a column name as a user writes it (bare, or quoted: '"Order Total"', `MixedCase`)
  against the names the catalog returns (adapter.get_columns_in_relation).
-#}

{#-
  {"name": the identifier without quotes, "quoted": whether it came quoted}. The engine's own
  quote characters count, and so do "..." and `...` on every engine, so a name copied from
  another engine's SQL still reads as quoted. A doubled closing quote inside stands for one.
-#}
{% macro unquote_identifier(identifier) %}
  {{- return(adapter.dispatch("unquote_identifier", "assay")(identifier)) -}}
{% endmacro %}
{% macro default__unquote_identifier(identifier) %}
  {%- set text = identifier | string | trim -%}
  {%- set sample = adapter.quote("x") -%}
  {%- for open, close in [[sample[0], sample[-1]], ['"', '"'], ["`", "`"]] -%}
    {%- if text | length > 2 and text[0] == open and text[-1] == close -%}
      {{ return({"name": text[1:-1] | replace(close ~ close, close), "quoted": true}) }}
    {%- endif -%}
  {%- endfor -%}
  {{ return({"name": text, "quoted": false}) }}
{% endmacro %}

{#-
  The columns of a test's model, as adapter Column objects. With a `where:` config dbt hands
  the test a filtered subquery, not a relation, so its columns come from the query itself.
-#}
{% macro relation_columns(relation) -%}
  {%- if relation is string -%}
    {{ return(get_column_schema_from_query("select * from " ~ relation)) }}
  {%- endif -%}
  {{ return(adapter.get_columns_in_relation(relation)) }}
{%- endmacro %}

{#- The model's column names in catalog order; empty while dbt parses. -#}
{% macro relation_column_names(relation) -%}
  {%- if not execute -%}{{ return([]) }}{%- endif -%}
  {%- set names = [] -%}
  {%- for column in assay.relation_columns(relation) -%}
    {%- do names.append(column.name) -%}
  {%- endfor -%}
  {{ return(names) }}
{%- endmacro %}

{#-
  Whether `given` (as the user wrote it) names `catalog_name`: a quoted name must match
  exactly; a bare name matches after `transform` (a Jinja filter, e.g. upper) on both sides,
  as dbt-expectations compares them, so `amount` and `AMOUNT` both find a catalog `Amount`.
  quoted_exact=false lets a quoted name fall back to the transform too (engines such as
  DuckDB resolve quoted names case-insensitively).
-#}
{% macro names_match(given, catalog_name, transform="upper", quoted_exact=true) -%}
  {%- set wanted = assay.unquote_identifier(given) -%}
  {%- if wanted.name == catalog_name -%}{{ return(true) }}{%- endif -%}
  {%- if wanted.quoted and quoted_exact -%}{{ return(false) }}{%- endif -%}
  {%- set pair = [wanted.name, catalog_name] | map(transform) | list -%}
  {{ return(pair[0] == pair[1]) }}
{%- endmacro %}

{#-
  0-based position of `given` among `catalog_names`, or -1 (see names_match). An exact match
  wins over one found through `transform`.
-#}
{% macro find_column_index(given, catalog_names, transform="upper", quoted_exact=true) -%}
  {%- set wanted = assay.unquote_identifier(given) -%}
  {%- for name in catalog_names -%}
    {%- if name == wanted.name -%}{{ return(loop.index0) }}{%- endif -%}
  {%- endfor -%}
  {%- for name in catalog_names -%}
    {%- if assay.names_match(given, name, transform, quoted_exact) -%}{{ return(loop.index0) }}{%- endif -%}
  {%- endfor -%}
  {{ return(-1) }}
{%- endmacro %}

{#-
  The Column from `columns` that `identifier` names, or none. Names match case-insensitively,
  quoted or not, so `mixedcase` still finds "MixedCase" in a catalog that keeps case.
-#}
{% macro find_column(columns, identifier) %}
  {%- set found = assay.find_column_index(identifier, columns | map(attribute="name") | list, "lower", quoted_exact=false) -%}
  {{ return(columns[found] if found >= 0 else none) }}
{% endmacro %}

{#-
  The name a column or expression gets in failing rows: the column itself when it is a bare or
  quoted identifier, `group_<n>` when it is an expression.
-#}
{% macro output_column_name(column, index) -%}
  {%- set text = column | string | trim -%}
  {%- if modules.re.match("^[A-Za-z_][A-Za-z0-9_]*$", text) -%}
    {{- return(text) -}}
  {%- endif -%}
  {%- if assay.unquote_identifier(text).quoted -%}
    {#- The text between the quotes, escapes kept, in the engine's own quotes. -#}
    {{- return(adapter.quote(text[1:-1])) -}}
  {%- endif -%}
  {{- return("group_" ~ index) -}}
{%- endmacro %}
