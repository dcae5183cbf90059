// 公共安全视频图像技术审查: only declarations of video image projects are offered (Art 18).
frappe.ui.form.on("Video Technical Review", {
	setup(frm) {
		frm.set_query("project_declaration", () => ({ filters: { is_video_surveillance: 1 } }));
	},
});
