-- 抽查事项清单: the national items shipped with the system (owner_org_id NULL), each as published version 1.
-- Sources: shared/DOMAIN.md §1–2 and the seed documents (南宫 2023, 内消〔2019〕49号, 金东 2021, 偃师 2025).
-- Article numbers that were not checked against the official text are marked 未核实 in the texts themselves.
-- Versions are immutable once published (trigger of migration 0008); editing makes version 2 as a draft.
INSERT INTO check_items (id, code, owner_org_id, sort_order, created_by) VALUES ('c0000000-0000-4000-8000-000000000001', 'XF-01', NULL, 10, NULL);
--> statement-breakpoint
INSERT INTO check_item_versions (item_id, version, status, name, sub_item, legal_basis, content, inspecting_body, object_type, method, ratio, frequency, inspector_requirements, notes, checklist, change_note, created_by, published_at, published_by) VALUES (
  'c0000000-0000-4000-8000-000000000001',
  1,
  'published',
  '单位履行消防安全职责情况的日常监督抽查',
  NULL,
  '《中华人民共和国消防法》第五十三条；《消防监督检查规定》（公安部令第120号）第六条、第七条、第十条、第十一条',
  '检查机关、团体、企业、事业等单位遵守消防法律、法规，履行法定消防安全职责的情况（检查内容见检查表）。',
  '消防救援机构',
  '消防救援机构管辖的机关、团体、企业、事业等单位，以及有固定生产经营场所且具有一定规模的个体工商户',
  'on_site',
  '属于人员密集场所的消防安全重点单位每年至少抽查一次；其他消防安全重点单位抽查比例不低于总数的80%；一般单位抽查比例不低于总数的20%。具体比例由年度抽查计划设定。',
  '同一检查对象每自然年抽查不超过两次（不含监督复查），两次抽查间隔不少于六个月。具体频次由年度抽查计划设定。',
  '不少于2名具有执法资格的消防监督检查人员，检查时出示执法身份证件；与检查对象有利害关系的应当回避（《中华人民共和国行政处罚法》第四十二条、第四十三条）。',
  '“人员密集场所的重点单位每年至少抽查一次”见《消防监督检查规定》（公安部令第120号）第七条。“其他重点单位不低于80%、一般单位不低于20%”及“每年不超过两次、间隔不少于六个月”取自南宫市消防救援大队2023年抽查计划、内消〔2019〕49号等地方文件，未查到全国性规定原文，系可调整的默认值。检查表依第十条、第十一条转述，条、款、项编号未与公报原文逐字核对。',
  '[{"code": "10-1", "text": "建筑物或者场所是否依法通过消防验收或者进行消防验收备案；公众聚集场所是否依法取得投入使用、营业前消防安全检查许可（含告知承诺）", "appliesTo": "all", "basis": "《消防监督检查规定》（公安部令第120号）第十条（项号未核实）"}, {"code": "10-2", "text": "建筑物或者场所的使用情况是否与消防验收或者备案时确定的使用性质相符", "appliesTo": "all", "basis": "《消防监督检查规定》（公安部令第120号）第十条（项号未核实）"}, {"code": "10-3", "text": "是否制定消防安全制度、灭火和应急疏散预案", "appliesTo": "all", "basis": "《消防监督检查规定》（公安部令第120号）第十条（项号未核实）"}, {"code": "10-4", "text": "消防设施、器材和消防安全标志是否定期组织维修保养、检测，是否完好有效；建筑消防设施是否每年至少进行一次全面检测", "appliesTo": "all", "basis": "《消防监督检查规定》（公安部令第120号）第十条（项号未核实）；《中华人民共和国消防法》第十六条第一款第（三）项"}, {"code": "10-5", "text": "电器产品、燃气用具的安装、使用及其线路、管路的设计、敷设、维护保养、检测是否符合消防技术标准和管理规定", "appliesTo": "all", "basis": "《消防监督检查规定》（公安部令第120号）第十条（项号未核实）"}, {"code": "10-6", "text": "疏散通道、安全出口、消防车通道是否畅通，防火分区是否改变，防火间距是否被占用", "appliesTo": "all", "basis": "《消防监督检查规定》（公安部令第120号）第十条（项号未核实）"}, {"code": "10-7", "text": "是否组织防火检查、消防演练和员工消防安全教育培训，自动消防系统操作人员是否持证上岗", "appliesTo": "all", "basis": "《消防监督检查规定》（公安部令第120号）第十条（项号未核实）"}, {"code": "10-8", "text": "生产、储存、经营易燃易爆危险品的场所是否与居住场所设置在同一建筑物内；生产、储存、经营其他物品的场所与居住场所设置在同一建筑物内的，是否符合消防技术标准", "appliesTo": "all", "basis": "《消防监督检查规定》（公安部令第120号）第十条（项号未核实）；《中华人民共和国消防法》第六十一条"}, {"code": "10-9", "text": "室内装修、装饰材料是否符合消防技术标准", "appliesTo": "crowded", "basis": "《消防监督检查规定》（公安部令第120号）第十条（款号未核实）；《中华人民共和国消防法》第二十八条"}, {"code": "10-10", "text": "门窗是否设置影响逃生和灭火救援的障碍物", "appliesTo": "crowded", "basis": "《消防监督检查规定》（公安部令第120号）第十条（款号未核实）；《中华人民共和国消防法》第二十八条、第六十条第一款第（六）项"}, {"code": "11-1", "text": "是否确定消防安全管理人", "appliesTo": "key", "basis": "《消防监督检查规定》（公安部令第120号）第十一条（措辞未核实）；《中华人民共和国消防法》第十七条"}, {"code": "11-2", "text": "是否开展每日防火巡查并建立巡查记录", "appliesTo": "key", "basis": "《消防监督检查规定》（公安部令第120号）第十一条（措辞未核实）；《中华人民共和国消防法》第十七条"}, {"code": "11-3", "text": "是否对职工进行岗前消防安全培训，是否定期组织消防安全培训和消防演练", "appliesTo": "key", "basis": "《消防监督检查规定》（公安部令第120号）第十一条（措辞未核实）；《中华人民共和国消防法》第十七条"}, {"code": "11-4", "text": "是否建立消防档案，是否确定消防安全重点部位并设置防火标志、实行严格管理", "appliesTo": "key", "basis": "《消防监督检查规定》（公安部令第120号）第十一条（措辞未核实）；《中华人民共和国消防法》第十七条"}, {"code": "11-5", "text": "属于人员密集场所的消防安全重点单位：灭火和应急疏散预案中是否明确承担灭火和组织疏散任务的人员", "appliesTo": "key", "basis": "《消防监督检查规定》（公安部令第120号）第十一条（措辞未核实）"}]'::jsonb,
  '系统内置全国抽查事项（初始版本）',
  NULL,
  now(),
  NULL
);
--> statement-breakpoint
INSERT INTO check_items (id, code, owner_org_id, sort_order, created_by) VALUES ('c0000000-0000-4000-8000-000000000002', 'XF-02', NULL, 20, NULL);
--> statement-breakpoint
INSERT INTO check_item_versions (item_id, version, status, name, sub_item, legal_basis, content, inspecting_body, object_type, method, ratio, frequency, inspector_requirements, notes, checklist, change_note, created_by, published_at, published_by) VALUES (
  'c0000000-0000-4000-8000-000000000002',
  1,
  'published',
  '使用领域消防产品质量监督抽查',
  NULL,
  '《中华人民共和国消防法》第二十四条、第二十五条；《消防监督检查规定》（公安部令第120号）；《消防产品监督管理规定》（公安部、国家工商行政管理总局、国家质量监督检验检疫总局令第122号）',
  '检查建筑物、场所中使用的消防产品是否具有合法的市场准入证明，产品质量是否符合国家标准、行业标准，是否使用不合格或者国家明令淘汰的消防产品。',
  '消防救援机构',
  '使用领域的消防产品（在建筑物、场所中安装、使用的消防产品）',
  'on_site',
  '在开展单位监督抽查时一并检查（南宫市消防救援大队2023年抽查计划）；也可根据实际情况单独开展。',
  '随单位监督抽查实施，或按专项检查方案确定。',
  '不少于2名具有执法资格的消防监督检查人员；需要抽样送检的，由法定消防产品质量检验机构检验。',
  '洛阳市偃师区消防救援大队2025年抽查计划将本事项的检查方式列为“现场检查、抽样送检”：现场检查判定不合格或者有疑问的，抽样送检。法律依据的条款号未与原文逐字核对。',
  '[{"code": "P-1", "text": "消防产品是否具有强制性产品认证证书、技术鉴定证书等市场准入证明", "appliesTo": "all", "basis": "《消防产品监督管理规定》（条款号未核实）"}, {"code": "P-2", "text": "消防产品的身份信息、标志是否与市场准入证明一致", "appliesTo": "all", "basis": "《消防产品监督管理规定》（条款号未核实）"}, {"code": "P-3", "text": "现场检查判定消防产品质量是否符合要求；判定不合格或者有疑问的，是否依法抽样送检", "appliesTo": "all", "basis": "《消防产品监督管理规定》（条款号未核实）"}, {"code": "P-4", "text": "是否使用不合格的消防产品或者国家明令淘汰的消防产品", "appliesTo": "all", "basis": "《中华人民共和国消防法》第二十四条（款号未核实）"}]'::jsonb,
  '系统内置全国抽查事项（初始版本）',
  NULL,
  now(),
  NULL
);
--> statement-breakpoint
INSERT INTO check_items (id, code, owner_org_id, sort_order, created_by) VALUES ('c0000000-0000-4000-8000-000000000003', 'XF-03', NULL, 30, NULL);
--> statement-breakpoint
INSERT INTO check_item_versions (item_id, version, status, name, sub_item, legal_basis, content, inspecting_body, object_type, method, ratio, frequency, inspector_requirements, notes, checklist, change_note, created_by, published_at, published_by) VALUES (
  'c0000000-0000-4000-8000-000000000003',
  1,
  'published',
  '社会消防技术服务机构检测、维保服务规范性抽查',
  NULL,
  '《中华人民共和国消防法》第三十四条；《社会消防技术服务管理规定》（应急管理部令第7号）',
  '检查从事消防设施维护保养检测、消防安全评估的社会消防技术服务机构是否具备从业条件，检测、维保服务项目是否依照法律法规、国家标准、行业标准和执业准则规范开展，出具的结论文件是否真实、准确。',
  '消防救援机构',
  '从事消防设施维护保养检测、消防安全评估等活动的社会消防技术服务机构',
  'on_site',
  '在开展单位监督抽查时一并检查（南宫市消防救援大队2023年抽查计划）；也可根据实际情况单独开展（洛阳市偃师区消防救援大队2025年抽查计划）。',
  '按年度抽查计划确定。',
  '不少于2名具有执法资格的消防监督检查人员。',
  '法律依据的令号和条款号未与原文逐字核对。',
  '[{"code": "T-1", "text": "是否具备规定的从业条件（注册消防工程师、专职技术人员、仪器设备等）", "appliesTo": "all", "basis": "《社会消防技术服务管理规定》（条款号未核实）"}, {"code": "T-2", "text": "是否与委托人签订消防技术服务合同", "appliesTo": "all", "basis": "《社会消防技术服务管理规定》（条款号未核实）"}, {"code": "T-3", "text": "是否依照国家标准、行业标准和执业准则开展检测、维保，并如实记录服务过程", "appliesTo": "all", "basis": "《社会消防技术服务管理规定》（条款号未核实）"}, {"code": "T-4", "text": "出具的书面结论文件是否由技术负责人、项目负责人签名并加盖机构印章", "appliesTo": "all", "basis": "《社会消防技术服务管理规定》（条款号未核实）"}, {"code": "T-5", "text": "是否建立并按规定保存消防技术服务档案", "appliesTo": "all", "basis": "《社会消防技术服务管理规定》（条款号未核实）"}]'::jsonb,
  '系统内置全国抽查事项（初始版本）',
  NULL,
  now(),
  NULL
);
--> statement-breakpoint
INSERT INTO check_items (id, code, owner_org_id, sort_order, created_by) VALUES ('c0000000-0000-4000-8000-000000000004', 'XF-04', NULL, 40, NULL);
--> statement-breakpoint
INSERT INTO check_item_versions (item_id, version, status, name, sub_item, legal_basis, content, inspecting_body, object_type, method, ratio, frequency, inspector_requirements, notes, checklist, change_note, created_by, published_at, published_by) VALUES (
  'c0000000-0000-4000-8000-000000000004',
  1,
  'published',
  '注册消防工程师执业活动的监督抽查',
  NULL,
  '《中华人民共和国消防法》第三十四条；《注册消防工程师管理规定》（公安部令第143号）',
  '检查注册消防工程师的注册、执业和继续教育情况，执业活动是否符合法律法规、国家标准、行业标准和执业准则。',
  '消防救援机构',
  '在社会消防技术服务机构、消防安全重点单位等执业的注册消防工程师',
  'documentary',
  '按照上级部门要求合理确定（南宫市消防救援大队2023年抽查计划）。',
  '按照上级部门要求确定。',
  '不少于2名具有执法资格的消防监督检查人员。',
  '金华市金东区消防救援大队2021年抽查事项清单中的名称为“对一级注册消防工程师的注册和执业活动的行政检查”。以书面检查为主，必要时到执业单位现场核查。法律依据的令号和条款号未与原文逐字核对。',
  '[{"code": "E-1", "text": "是否取得注册证书并在有效期内，执业单位与注册信息是否一致", "appliesTo": "all", "basis": "《注册消防工程师管理规定》（条款号未核实）"}, {"code": "E-2", "text": "是否同时在两个以上单位执业", "appliesTo": "all", "basis": "《注册消防工程师管理规定》（条款号未核实）"}, {"code": "E-3", "text": "签署的技术文件是否在其执业范围内，是否加盖执业印章", "appliesTo": "all", "basis": "《注册消防工程师管理规定》（条款号未核实）"}, {"code": "E-4", "text": "是否按规定参加继续教育", "appliesTo": "all", "basis": "《注册消防工程师管理规定》（条款号未核实）"}]'::jsonb,
  '系统内置全国抽查事项（初始版本）',
  NULL,
  now(),
  NULL
);
--> statement-breakpoint
INSERT INTO check_items (id, code, owner_org_id, sort_order, created_by) VALUES ('c0000000-0000-4000-8000-000000000005', 'XF-05', NULL, 50, NULL);
--> statement-breakpoint
INSERT INTO check_item_versions (item_id, version, status, name, sub_item, legal_basis, content, inspecting_body, object_type, method, ratio, frequency, inspector_requirements, notes, checklist, change_note, created_by, published_at, published_by) VALUES (
  'c0000000-0000-4000-8000-000000000005',
  1,
  'published',
  '公众聚集场所投入使用营业前消防安全检查（告知承诺核查）',
  NULL,
  '《中华人民共和国消防法》第十五条；《消防监督检查规定》（公安部令第120号）第六条',
  '对采用告知承诺方式取得投入使用、营业前消防安全检查许可的公众聚集场所，核查其承诺内容与实际情况是否相符，是否符合消防技术标准和管理规定。',
  '消防救援机构',
  '采用告知承诺方式取得许可的公众聚集场所（宾馆、饭店、商场、集贸市场、客运车站候车室、客运码头候船厅、民用机场航站楼、体育场馆、会堂以及公共娱乐场所等）',
  'on_site',
  '对作出承诺的公众聚集场所及时进行核查（《中华人民共和国消防法》第十五条）。',
  '取得许可后核查一次；发现承诺不实的依法处理。',
  '不少于2名具有执法资格的消防监督检查人员。',
  '本事项由许可申请引起，检查对象不随机抽取；列入清单是为了公开检查依据和内容。申请人选择不采用告知承诺方式的，消防救援机构应当自受理申请之日起十个工作日内进行检查（《中华人民共和国消防法》第十五条）。',
  '[{"code": "G-1", "text": "承诺的消防安全条件与实际情况是否相符", "appliesTo": "all", "basis": "《中华人民共和国消防法》第十五条"}, {"code": "G-2", "text": "建筑物或者场所是否依法通过消防验收或者进行消防验收备案", "appliesTo": "all", "basis": "《消防监督检查规定》（公安部令第120号）第十条（项号未核实）"}, {"code": "G-3", "text": "是否制定消防安全制度、灭火和应急疏散预案", "appliesTo": "all", "basis": "《消防监督检查规定》（公安部令第120号）第十条（项号未核实）"}, {"code": "G-4", "text": "消防设施、器材和消防安全标志是否完好有效", "appliesTo": "all", "basis": "《消防监督检查规定》（公安部令第120号）第十条（项号未核实）"}, {"code": "G-5", "text": "疏散通道、安全出口是否畅通，门窗是否设置影响逃生和灭火救援的障碍物", "appliesTo": "all", "basis": "《中华人民共和国消防法》第二十八条"}, {"code": "G-6", "text": "室内装修、装饰材料是否符合消防技术标准", "appliesTo": "all", "basis": "《中华人民共和国消防法》第二十八条"}, {"code": "G-7", "text": "员工是否经过岗前消防安全培训", "appliesTo": "all", "basis": "《中华人民共和国消防法》第十六条（项号未核实）"}]'::jsonb,
  '系统内置全国抽查事项（初始版本）',
  NULL,
  now(),
  NULL
);
--> statement-breakpoint
INSERT INTO check_items (id, code, owner_org_id, sort_order, created_by) VALUES ('c0000000-0000-4000-8000-000000000006', 'XF-06', NULL, 60, NULL);
--> statement-breakpoint
INSERT INTO check_item_versions (item_id, version, status, name, sub_item, legal_basis, content, inspecting_body, object_type, method, ratio, frequency, inspector_requirements, notes, checklist, change_note, created_by, published_at, published_by) VALUES (
  'c0000000-0000-4000-8000-000000000006',
  1,
  'published',
  '居住出租房屋消防安全的行政检查',
  NULL,
  '《中华人民共和国消防法》第五十三条；所在省（自治区、直辖市）关于居住出租房屋消防安全管理的规定（名称和条款依本地规定，未核实）',
  '检查居住出租房屋的消防安全条件，以及出租人、承租人落实消防安全责任的情况。',
  '消防救援机构',
  '辖区内的居住出租房屋（含群租房）',
  'on_site',
  '根据本地实际确定。',
  '根据本地实际确定。',
  '不少于2名具有执法资格的检查人员。',
  '取自金华市金东区消防救援大队2021年抽查事项清单中的“对居住出租房消防安全的行政检查”，属地方事项；各地的检查主体可能为公安派出所或乡镇（街道），启用前请按本地规定核对依据和检查内容。',
  '[{"code": "H-1", "text": "疏散通道、楼梯间、安全出口是否畅通，窗户是否设置影响逃生的防盗网等障碍物", "appliesTo": "all", "basis": "地方规定（未核实）"}, {"code": "H-2", "text": "电动自行车是否在室内、楼道、楼梯间停放或者充电", "appliesTo": "all", "basis": "地方规定（未核实）"}, {"code": "H-3", "text": "电气线路是否规范敷设，是否私拉乱接", "appliesTo": "all", "basis": "地方规定（未核实）"}, {"code": "H-4", "text": "是否按规定配置灭火器、独立式感烟火灾探测报警器等消防器材", "appliesTo": "all", "basis": "地方规定（未核实）"}, {"code": "H-5", "text": "生产、储存、经营场所与居住场所设置在同一建筑物内的，是否符合消防技术标准", "appliesTo": "all", "basis": "《中华人民共和国消防法》第六十一条"}]'::jsonb,
  '系统内置全国抽查事项（初始版本）',
  NULL,
  now(),
  NULL
);
