import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Collapse, Flex, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { fetchPublicBundle, publicBundleUrl } from '../../api/draws.ts';
import { FilePicker } from '../../components/file-picker.tsx';
import type { PlainCheck, PublishedDraw } from './plain-checks.ts';
import { verifyPublishedBundle } from './verify-published.ts';

type Explained = Awaited<ReturnType<typeof verifyPublishedBundle>>;
type Outcome = { source: string; explained: Explained } | { source: string; failure: string };

/** Verifies after the spinner had a chance to paint (a large draw takes a moment), and explains each check. */
function verifyLater(body: Blob, published: PublishedDraw): Promise<Explained> {
  return new Promise((resolve, reject) => setTimeout(() => verifyPublishedBundle(body, published).then(resolve, reject), 0));
}

/** One check: ✓ or ✗, the plain sentence and why it matters, and the technical names and values folded away. */
function CheckRow({ check }: { check: PlainCheck }) {
  return (
    <li className="verify-check" data-check={check.name}>
      <span
        className={`verify-check-mark ${check.ok ? 'verify-check-ok' : 'verify-check-failed'}`}
        role="img"
        aria-label={check.ok ? '通过' : '未通过'}
      >
        {check.ok ? '✓' : '✗'}
      </span>
      <div style={{ minWidth: 0, flex: 1 }}>
        <Typography.Text strong>{check.title}</Typography.Text>
        {check.explanation ? <div className="verify-check-why">{check.explanation}</div> : null}
        <Collapse
          ghost
          size="small"
          className="verify-check-details"
          items={[
            {
              key: 'details',
              label: '技术细节',
              children: check.technical.map((line) => (
                <div key={line.label} style={{ marginBottom: 4 }}>
                  <div style={{ fontSize: 12 }}>{line.label}</div>
                  <div className="hash-text verify-check-detail">{line.detail}</div>
                </div>
              )),
            },
          ]}
        />
      </div>
    </li>
  );
}

function VerificationResult({ outcome }: { outcome: Outcome }) {
  if ('failure' in outcome)
    return <Alert type="error" showIcon title={`${outcome.source}：无法验证`} description={outcome.failure} />;
  const { explained } = outcome;
  return (
    <Flex vertical gap={8} role="status">
      <Alert
        type={explained.ok ? 'success' : 'error'}
        showIcon
        title={explained.ok ? `验证通过（${outcome.source}）` : `验证未通过（${outcome.source}）`}
        description={
          explained.ok
            ? '我们在您的浏览器里按公开的抽取算法，用清单、监督人的密钥和开奖号码重新算了一遍，结果与公布的完全一致。逐项检查如下。'
            : '下面标 ✗ 的项目没有通过：这份结果包与公开的数据或公布的结果不一致。'
        }
      />
      <ul className="verify-checks">
        {explained.checks.map((check) => (
          <CheckRow key={check.name} check={check} />
        ))}
      </ul>
    </Flex>
  );
}

/**
 * 「在浏览器中验证」: downloads the published bundle and recomputes the draw here with the same code the server and
 * the CLI run (verifyBundle), then says in plain Chinese what each check found (plain-checks.ts) — against this
 * page's published manifest hash, lottery values and result hash. 「上传结果包验证」 does the same for a file someone
 * kept or received; each result shows where it was asked for (under the buttons, under the drop area).
 */
export function BundleVerifier({ code, published }: { code: string; published: PublishedDraw }) {
  const [running, setRunning] = useState<'page' | 'file' | null>(null);
  const [fromPage, setFromPage] = useState<Outcome | null>(null);
  const [fromFile, setFromFile] = useState<Outcome | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const available = published.resultHash !== null;

  const run = async (kind: 'page' | 'file', source: string, load: () => Promise<Blob>) => {
    const show = kind === 'page' ? setFromPage : setFromFile;
    setRunning(kind);
    show(null);
    try {
      show({ source, explained: await verifyLater(await load(), published) });
    } catch (error) {
      show({ source, failure: error instanceof Error ? error.message : String(error) });
    } finally {
      setRunning(null);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        验证就在您的浏览器里进行：按<Link to="/portal/algorithm">公开的抽取算法</Link>
        ，用本次抽取公开的清单、监督人的密钥和开奖号码重新算一遍，再逐项与公布的结果比对。
      </Typography.Paragraph>
      <Flex vertical gap={12}>
        <Flex gap={8} wrap>
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            disabled={!available || running === 'file'}
            loading={running === 'page'}
            onClick={() => void run('page', '公开结果包', () => fetchPublicBundle(code))}
          >
            在浏览器中验证
          </Button>
          <Button icon={<DownloadOutlined />} href={publicBundleUrl(code)} download={`${code}.bundle.json`} disabled={!available}>
            下载结果包
          </Button>
        </Flex>
        {available ? null : <Typography.Text type="secondary">执行抽取后才有结果包。</Typography.Text>}
        {fromPage ? <VerificationResult outcome={fromPage} /> : null}
      </Flex>
      {available ? (
        <Flex vertical gap={8}>
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            <label htmlFor="bundle-file">
              <Typography.Text strong>上传结果包验证</Typography.Text>
            </label>
            <Typography.Text type="secondary">
              ：用您保存或收到的结果包文件（.json）复核，并与本页公布的数据比对。也可用命令行工具离线验证，见
              <Link to="/portal/algorithm#s9">抽取算法第 9 节</Link>。
            </Typography.Text>
          </Typography.Paragraph>
          <FilePicker
            id="bundle-file"
            file={file}
            accept=".json,application/json"
            hint="文件只在本浏览器中读取，不会上传到服务器"
            disabled={running !== null}
            onChange={(chosen) => {
              setFile(chosen);
              if (chosen) void run('file', `文件 ${chosen.name}`, () => Promise.resolve(chosen));
            }}
          />
          {fromFile ? <VerificationResult outcome={fromFile} /> : null}
        </Flex>
      ) : null}
    </Flex>
  );
}
