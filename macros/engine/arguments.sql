{#-
  Argument checks shared by every test. They run only when dbt executes (compile, run,
  build), so a bad argument fails that one test at compile time with a message naming the
  test, the argument and the model, instead of breaking the parse of the whole project.
-#}

{% macro model_label(model) -%}
  {%- if assay.is_batch_collector(model) -%}
    {{ assay.model_label(model.relation) }}
  {%- elif model is not string and model.identifier is defined and model.identifier -%}
    {{ model.identifier }}
  {%- elif model is string and modules.re.match("\\s*\\(select \\* from (\\S+) where ", model) -%}
    {#- dbt's where-subquery, `(select * from "db"."schema"."name" where ...) dbt_subquery`: its relation's name -#}
    {{ modules.re.match("\\s*\\(select \\* from (\\S+) where ", model).group(1).split(".")[-1] | replace('"', "") | replace("`", "") }}
  {%- else -%}
    {{ model | string | trim }}
  {%- endif -%}
{%- endmacro %}

{% macro arg_error(test_name, model, argument, message) %}
  {{ exceptions.raise_compiler_error(
      "assay." ~ test_name ~ " on model '" ~ assay.model_label(model) ~ "': argument '"
      ~ argument ~ "' " ~ message) }}
{% endmacro %}

{% macro is_list(value) -%}
  {{ return(value is iterable and value is not string and value is not mapping) }}
{%- endmacro %}

{% macro check_list(test_name, model, argument, value, required=true, allow_empty=false) %}
  {% if not execute %}{{ return(none) }}{% endif %}
  {#- Undefined (left out, no default) must not reach is_list: Jinja's Undefined iterates as empty. -#}
  {% if value is not defined or value is none %}
    {% if required %}{{ assay.arg_error(test_name, model, argument, "is required and must be a list") }}{% endif %}
  {% elif not assay.is_list(value) %}
    {{ assay.arg_error(test_name, model, argument, "must be a list, got " ~ (value | tojson)) }}
  {% elif (value | length) == 0 and not allow_empty %}
    {{ assay.arg_error(test_name, model, argument, "must not be an empty list") }}
  {% endif %}
{% endmacro %}

{% macro check_bounds(test_name, model, min_value, max_value) %}
  {% if not execute %}{{ return(none) }}{% endif %}
  {% if min_value is none and max_value is none %}
    {{ assay.arg_error(test_name, model, "min_value/max_value", "needs at least one of min_value or max_value") }}
  {% endif %}
  {% if min_value is number and max_value is number and min_value > max_value %}
    {{ assay.arg_error(test_name, model, "min_value/max_value", "has min_value " ~ min_value ~ " greater than max_value " ~ max_value) }}
  {% endif %}
{% endmacro %}

{% macro check_fraction(test_name, model, argument, value) %}
  {% if not execute %}{{ return(none) }}{% endif %}
  {% if value is not number or value is boolean or value < 0 or value > 1 %}
    {{ assay.arg_error(test_name, model, argument, "must be a number between 0 and 1, got " ~ (value | tojson)) }}
  {% endif %}
{% endmacro %}

{% macro check_choice(test_name, model, argument, value, choices) %}
  {% if not execute %}{{ return(none) }}{% endif %}
  {% if value not in choices %}
    {{ assay.arg_error(test_name, model, argument, "must be one of " ~ (choices | join(", ")) ~ ", got " ~ (value | tojson)) }}
  {% endif %}
{% endmacro %}

{#- An argument left out of the YAML arrives undefined unless the test gives it a `none` default. -#}
{% macro check_required(test_name, model, argument, value) %}
  {% if not execute %}{{ return(none) }}{% endif %}
  {% if value is not defined or value is none or (value is string and value | trim == "") %}
    {{ assay.arg_error(test_name, model, argument, "is required") }}
  {% endif %}
{% endmacro %}

{#- `minimum`/`maximum` bound the value (inclusive); `required=false` lets none through. -#}
{% macro check_number(test_name, model, argument, value, positive=false, minimum=none, maximum=none, required=true) %}
  {% if not execute %}{{ return(none) }}{% endif %}
  {#- no return() here: a macro that returns none renders "None" where it is called -#}
  {% if not required and (value is not defined or value is none) %}
  {% elif value is boolean or value is not number %}
    {{ assay.arg_error(test_name, model, argument, "must be a number, got " ~ (value | tojson)) }}
  {% elif positive and value <= 0 %}
    {{ assay.arg_error(test_name, model, argument, "must be greater than 0, got " ~ (value | tojson)) }}
  {% elif minimum is not none and value < minimum %}
    {{ assay.arg_error(test_name, model, argument, "must be at least " ~ minimum ~ ", got " ~ value) }}
  {% elif maximum is not none and value > maximum %}
    {{ assay.arg_error(test_name, model, argument, "must be at most " ~ maximum ~ ", got " ~ value) }}
  {% endif %}
{% endmacro %}

{#- An optional number (tolerances): none passes. -#}
{% macro check_non_negative(test_name, model, argument, value) %}
  {% if not execute %}{{ return(none) }}{% endif %}
  {% if value is not none and (value is not number or value is boolean or value < 0) %}
    {{ assay.arg_error(test_name, model, argument, "must be a non-negative number, got " ~ (value | tojson)) }}
  {% endif %}
{% endmacro %}

{% macro check_positive_integer(test_name, model, argument, value) %}
  {% if not execute %}{{ return(none) }}{% endif %}
  {% if value is boolean or value is not integer or value < 1 %}
    {{ assay.arg_error(test_name, model, argument, "must be a positive integer, got " ~ (value | tojson)) }}
  {% endif %}
{% endmacro %}

{% macro check_boolean(test_name, model, argument, value) %}
  {% if not execute %}{{ return(none) }}{% endif %}
  {% if value is not boolean %}
    {{ assay.arg_error(test_name, model, argument, "must be true or false, got " ~ (value | tojson)) }}
  {% endif %}
{% endmacro %}

{#- `transform` names the Jinja filter that normalises column names before they are compared. -#}
{% macro check_transform(test_name, model, transform) %}
  {% if not execute %}{{ return(none) }}{% endif %}
  {% if transform is not string or transform | trim == "" %}
    {{ assay.arg_error(test_name, model, "transform", "must be the name of a Jinja filter such as upper or lower, got " ~ (transform | tojson)) }}
  {% endif %}
{% endmacro %}

{#- Regex flags: a string of the letters the engine accepts (assay.regex_flags_allowed). -#}
{% macro check_regex_flags(test_name, model, flags) %}
  {% if not execute %}{{ return(none) }}{% endif %}
  {% if flags is not none and flags is not string %}
    {{ assay.arg_error(test_name, model, "flags", "must be a string of flag letters, got " ~ (flags | tojson)) }}
  {% endif %}
  {%- set allowed = assay.regex_flags_allowed() -%}
  {% for flag in (flags or "") %}
    {% if flag not in allowed %}
      {{ assay.arg_error(test_name, model, "flags",
          "has flag '" ~ flag ~ "', which " ~ target.type ~ " does not support (supported: '" ~ allowed ~ "')") }}
    {% endif %}
  {% endfor %}
{% endmacro %}
