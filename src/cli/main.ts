import { ConfigError, loadConfig } from '../config.ts';
import { migrateDatabase, openDatabase, openExistingDatabase } from '../db/client.ts';
import { useFileStore } from '../db/file-store.ts';
import { backupPglite, restorePglite } from '../db/pglite-backup.ts';
import { isDomainError } from '../domain/errors.ts';
import { runAnnualReport } from './annual-report.ts';
import { CliError } from './args.ts';
import { runBootstrapSystem } from './bootstrap-system.ts';
import { runBuildDbTemplate } from './build-db-template.ts';
import { runGenerateMonthlyPlans } from './generate-monthly-plans.ts';
import { runVerifyDraw } from './verify-draw.ts';
import { runSeedDemo } from './seed-demo.ts';
import { runSimulateYear } from './simulate-year.ts';
import { runVerifyAudit } from './verify-audit.ts';

const USAGE = `用法：npm run cli -- <命令> [参数]

  migrate                         创建或升级数据库结构
  audit-verify                    校验审计链，输出第一条断裂的记录（完整时退出码 0，否则 1）
  seed-demo [--seed N]            向空数据库载入演示数据（默认种子取 DEMO_SEED）
  seed-demo --scale province [--units N] [--brigades N]
                                  向空数据库载入全省规模的演示数据（100 万家单位，需 PostgreSQL；见 docs/decisions/0033）
  bootstrap --corps-name 名称 --division-code 代码 --admin-username 用户名 --admin-name 姓名
                                  生产环境首次初始化：创建总队与第一个系统管理员（密码从标准输入读取）
  draw-verify <结果包.json> [--result-hash 哈希]
                                  离线重算一次抽取并逐项核对（通过退出码 0，否则 1；不需要数据库）
  plans-generate [--month YYYY-MM] [--date YYYY-MM-DD]
                                  生成下月月度计划草稿（服务每小时自动执行：每月最后两个工作日内）
  annual-report --brigade 大队 --year YYYY --out 文件.docx
                                  生成大队年度“双随机、一公开”工作总结（Word 文档）
  simulate-year [--year YYYY] [--brigade 大队] [--units N] [--months N] [--seed N] [--skip-drawn yes]
                                  在演示数据上模拟一年的抽查、检查、文书、复查、处罚与公示（见 docs/operations.md）
  build-template                  生成首次启动复制用的嵌入式数据库模板（npm install 时自动执行）
  backup <文件.tar.gz>            备份嵌入式数据库（需先停止服务）
  restore <文件.tar.gz>           把备份恢复到空的数据目录

数据库由 DATABASE_URL（PostgreSQL）或 DATA_DIR（嵌入式 PGlite，默认 ./data）决定。`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // Needs nothing but the file: anyone can verify a bundle offline, without configuration or database.
  if (command === 'draw-verify') return runVerifyDraw(rest);
  const config = loadConfig();
  if (command === 'build-template') return runBuildDbTemplate(config.demoSeed);
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'backup' || command === 'restore') {
    if (config.database.kind !== 'pglite') throw new CliError('PostgreSQL 请使用 pg_dump / pg_restore 备份与恢复（见 README）');
    const file = rest[0];
    if (!file) throw new CliError(`请给出备份文件路径：npm run cli -- ${command} <文件.tar.gz>`);
    if (command === 'backup') {
      const bytes = await backupPglite(config.database.dataDir, file);
      console.log(`已备份到 ${file}（${(bytes / 1024 / 1024).toFixed(1)} MiB）`);
    } else {
      await restorePglite(file, config.database.dataDir);
      console.log(`已恢复到 ${config.database.dataDir}`);
    }
    return 0;
  }

  if (command === 'audit-verify') {
    // Read-only: a mistyped DATA_DIR must not become a new, empty database whose "chain" is complete.
    const existing = await openExistingDatabase(config.database);
    if (!existing) {
      const where = config.database.kind === 'pglite' ? config.database.dataDir : '所配置的数据库';
      throw new CliError(`找不到数据库：${where} 中没有嵌入式数据库，请检查 DATA_DIR（或 DATABASE_URL）是否写错`);
    }
    try {
      return await runVerifyAudit(existing.db);
    } finally {
      await existing.close();
    }
  }

  useFileStore(config.fileStore);
  const database = await openDatabase(config.database);
  try {
    await database.exclusively(() => migrateDatabase(database));
    switch (command) {
      case 'migrate':
        console.log('数据库结构已是最新。');
        return 0;
      case 'seed-demo':
        return await runSeedDemo(database, rest, config.demoSeed);
      case 'bootstrap':
        return await runBootstrapSystem(database.db, rest, readStdin);
      case 'plans-generate':
        return await runGenerateMonthlyPlans(database.db, rest);
      case 'annual-report':
        return await runAnnualReport(database.db, rest);
      case 'simulate-year':
        return await runSimulateYear(database.db, rest);
      default:
        console.error(`未知命令：${command}\n\n${USAGE}`);
        return 2;
    }
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof CliError || error instanceof ConfigError || isDomainError(error)) console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);
