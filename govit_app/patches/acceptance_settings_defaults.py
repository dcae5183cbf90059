"""Sites installed before the construction issue get the departments and the documents of an
acceptance filing (Art 19 ¶2), as they were defined then."""

from govit_app.patches.settings_tables import fill_empty_tables


def execute() -> None:
	fill_empty_tables(
		{
			"acceptance_filing_departments": [
				{"department_function": d} for d in ("市政府办公室", "市委网信办", "市财政局")
			],
			"acceptance_filing_documents": [
				{"document_type": d}
				for d in (
					"项目批复",
					"采购文件",
					"项目合同",
					"竣工验收报告",
					"项目建设总结",
					"政务信息资源目录及共享情况",
					"资金使用情况说明",
					"安全风险评估报告",
					"测试报告",
				)
			],
		}
	)
