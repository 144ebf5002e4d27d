{#-
  Regular-expression match as a boolean SQL expression, with dbt-expectations' semantics:
  a *search* (the pattern may match anywhere in the value; anchor it with ^ and $ for a
  full match). NULL in, NULL out, so the row builders' NULL rule still applies.

    assay.regex_match(expr, pattern, flags="", is_raw=false)

  `pattern` is the regular expression itself on every engine (`\d` means a digit): it is
  rendered as a string literal with whatever escaping the engine's literals need. `flags` are
  the engine's match options; "i" (case-insensitive) works on every engine. `is_raw` is
  accepted for dbt-expectations compatibility and changes nothing: no literal here ever
  reinterprets the pattern.
-#}
{% macro regex_match(expr, pattern, flags="", is_raw=false) %}
  {{- return(adapter.dispatch("regex_match", "assay")(expr, pattern, flags or "", is_raw)) -}}
{% endmacro %}

{#- The flags each engine accepts; assay.check_regex_flags rejects the others at compile time. -#}
{% macro regex_flags_allowed() %}
  {{- return(adapter.dispatch("regex_flags_allowed", "assay")()) -}}
{% endmacro %}

{#- Engines without a dispatch below: regexp_instr is the most widely available search form. -#}
{% macro default__regex_flags_allowed() %}{{ return("") }}{% endmacro %}
{% macro default__regex_match(expr, pattern, flags, is_raw) -%}
  (regexp_instr({{ expr }}, {{ assay.string_literal(pattern) }}) > 0)
{%- endmacro %}

{#- regexp_matches is already a search; the options argument carries the flags. -#}
{% macro duckdb__regex_flags_allowed() %}{{ return("cilmnps") }}{% endmacro %}
{% macro duckdb__regex_match(expr, pattern, flags, is_raw) -%}
  regexp_matches({{ expr }}, {{ assay.string_literal(pattern) }}{% if flags %}, {{ assay.string_literal(flags) }}{% endif %})
{%- endmacro %}

{#-
  `~` keeps NULL semantics and needs no PostgreSQL 15 function; flags travel as an ARE
  embedded-options prefix "(?i)", which accepts the same letters as regexp_match's flags
  (except "g", which means nothing for a yes/no match).
-#}
{% macro postgres__regex_flags_allowed() %}{{ return("bceimnpqstwx") }}{% endmacro %}
{% macro postgres__regex_match(expr, pattern, flags, is_raw) -%}
  ({{ expr }} ~ {{ assay.string_literal(("(?" ~ flags ~ ")" if flags else "") ~ pattern) }})
{%- endmacro %}

{#-
  Spark: rlike is a search; Java regex takes the same "(?flags)" prefix. string_literal escapes
  Spark's backslashes, so the pattern means the same regex on every engine, whatever is_raw says.
-#}
{% macro spark__regex_flags_allowed() %}{{ return("idmsuxU") }}{% endmacro %}
{% macro spark__regex_match(expr, pattern, flags, is_raw) -%}
  ({{ expr }} rlike {{ assay.string_literal(("(?" ~ flags ~ ")" if flags else "") ~ pattern) }})
{%- endmacro %}
