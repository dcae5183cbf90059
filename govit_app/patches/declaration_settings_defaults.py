"""Sites installed before the declaration issue get the Art 9 materials, the nature rules and the
centralized categories of Art 14, as they were defined then."""

from govit_app.patches.settings_tables import fill_empty_tables

BUILD = ("新建", "续建", "改建")
BUILD_MATERIALS = (
	"建设方案",
	"项目概算表",
	"可行性研究报告",
	"政务信息资源目录及共享方式",
	"政务信息资源需求",
	"统一用户认证体系接入方案",
	"网络安全建设方案",
)
SERVICE_GROUP = "上一期合同或服务需求报告"


def execute() -> None:
	fill_empty_tables(
		{
			"centralized_categories": [
				{"category": c} for c in ("云计算", "云存储", "基础应用", "协同办公", "安全防护")
			],
			"nature_rules": [
				{"project_nature": "新建", "needs_approval": 1, "needs_security_plan": 1},
				{"project_nature": "续建", "needs_approval": 1, "is_renewal": 1, "needs_security_plan": 1},
				{"project_nature": "改建", "needs_approval": 1, "is_renewal": 1, "needs_security_plan": 1},
				{"project_nature": "运维", "is_renewal": 1},
				{"project_nature": "购买服务", "is_renewal": 1},
				{"project_nature": "其他"},
			],
			"material_requirements": [
				*(
					{"material_type": m, "project_nature": n, "is_required": 1}
					for n in BUILD
					for m in BUILD_MATERIALS
				),
				*(
					{
						"material_type": m,
						"project_nature": n,
						"is_required": 1,
						"alternative_group": SERVICE_GROUP,
					}
					for n in ("运维", "购买服务")
					for m in ("上一期合同", "服务需求报告")
				),
				*({"material_type": m} for m in ("规划", "批示", "批复", "会议纪要")),
			],
		}
	)
