"""The SQL text a client may send to Frappe's list endpoints (issue 8, class 3)."""

import pytest

from govit_app.security.query_text import Clause, check_clause, check_fields, is_column_name

DESK_FIELDS = [
	"name",
	"`tabProject Declaration`.`name`",
	"`tabProject Declaration`.`_assign`",
	"`tabDeclaration Funding`.`amount`",
	"funding.amount",
	"count(*) as count",
	"count(`tabIT Project`.`name`) as total_count",
	"count(distinct `tabIT Project`.`name`) as total_count",
	"sum(`tabProject Declaration`.`estimate_amount`) AS _aggregate_column",
	"avg(review_score)",
	"distinct unit",
	"unit as name",
	"*",
	"SUM(1)",
	"name, owner",
]

ATTACKS = [
	"upper((select group_concat(name) from `tabProject Declaration`)) as x",
	"(select password from `__Auth`)",
	"sleep(3)",
	"name, sleep(3)",
	"version()",
	"concat(name, project_name)",
	"ifnull(name, 1)",
	"name from `tabUser` --",
	"name /* comment */",
	"name # comment",
	"name; drop table x",
	"@@version",
	"'a' as x",
	'"a"',
	"name union select 1",
	"count((select 1))",
	"sum(estimate_amount * 2)",
	"max(min(name))",
	"name = 'x'",
	"1e308",
]


@pytest.mark.parametrize("field", DESK_FIELDS)
def test_fields_the_desk_sends_pass(field):
	assert check_clause(field, Clause.FIELDS) is None


@pytest.mark.parametrize("field", ATTACKS)
def test_sub_queries_functions_and_comments_are_refused(field):
	assert check_clause(field, Clause.FIELDS) is not None


@pytest.mark.parametrize(
	"text",
	["`tabIT Project`.`modified` desc", "modified desc, name asc", "_aggregate_column desc", "creation"],
)
def test_order_by_columns_with_direction_pass(text):
	assert check_clause(text, Clause.ORDER_BY) is None


@pytest.mark.parametrize(
	"text",
	["sleep(1)", "if(1,sleep(1),1)", "(select 1)", "modified desc; select 1", "count(*) desc", "name -- x"],
)
def test_order_by_and_group_by_take_no_function(text):
	assert check_clause(text, Clause.ORDER_BY) is not None
	assert check_clause(text, Clause.GROUP_BY) is not None


def test_group_by_takes_columns_only():
	assert check_clause("`tabIT Project`.`stage`", Clause.GROUP_BY) is None
	assert check_clause("stage desc", Clause.GROUP_BY) is not None


def test_fields_must_be_texts():
	assert check_fields(["name", "unit"]) is None
	assert check_fields("name") is None
	assert check_fields(["name", {"a": 1}]) is not None
	assert check_fields({"name": 1}) is not None
	assert check_fields(["name", "sleep(1)"]).text == "sleep(1)"


@pytest.mark.parametrize("text", ["estimate_amount", "`tabIT Project`.`approved_amount`", "unit"])
def test_a_card_or_chart_names_a_column(text):
	assert is_column_name(text)


@pytest.mark.parametrize("text", ["", "1", "count(*)", "a b", "(select 1)", None, 5, "name as x"])
def test_a_card_or_chart_names_nothing_else(text):
	assert not is_column_name(text)
