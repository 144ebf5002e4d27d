{#-
  Argument checks shared by every test. They run only when dbt executes (compile, run,
  build), so a bad argument fails that one test at compile time with a message naming the
  test, the argument and the model, instead of breaking the parse of the whole project.
-#}

{% macro model_label(model) -%}
  {%- if model is not string and model.identifier is defined and model.identifier -%}
    {{ model.identifier }}
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
  {% if value is none %}
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

{% macro check_required(test_name, model, argument, value) %}
  {% if not execute %}{{ return(none) }}{% endif %}
  {% if value is none or (value is string and value | trim == "") %}
    {{ assay.arg_error(test_name, model, argument, "is required") }}
  {% endif %}
{% endmacro %}
