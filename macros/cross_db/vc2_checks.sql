{#-
  Argument checks the vc2 tests need and engine/arguments.sql does not have yet (numbers,
  positive integers, booleans). They follow the engine's message format via arg_error;
  they belong in engine/arguments.sql and live here only until the engine owner moves them.
-#}

{% macro vc2_check_positive_integer(test_name, model, argument, value) %}
  {% if not execute %}{{ return(none) }}{% endif %}
  {% if value is boolean or value is not integer or value < 1 %}
    {{ assay.arg_error(test_name, model, argument, "must be a positive integer, got " ~ (value | tojson)) }}
  {% endif %}
{% endmacro %}

{% macro vc2_check_number(test_name, model, argument, value, positive=false) %}
  {% if not execute %}{{ return(none) }}{% endif %}
  {% if value is boolean or value is not number %}
    {{ assay.arg_error(test_name, model, argument, "must be a number, got " ~ (value | tojson)) }}
  {% elif positive and value <= 0 %}
    {{ assay.arg_error(test_name, model, argument, "must be greater than 0, got " ~ (value | tojson)) }}
  {% endif %}
{% endmacro %}

{% macro vc2_check_boolean(test_name, model, argument, value) %}
  {% if not execute %}{{ return(none) }}{% endif %}
  {% if value is not boolean %}
    {{ assay.arg_error(test_name, model, argument, "must be true or false, got " ~ (value | tojson)) }}
  {% endif %}
{% endmacro %}
