import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { DrawBundle } from '@domain/draw/draw-types.ts';
import type { BundleVerification } from '@domain/draw/verify-bundle.ts';
import { verifyBundle } from '@domain/draw/verify-bundle.ts';
import { Alert, Button, Flex, List, Typography } from 'antd';
import { useState } from 'react';
import { fetchPublicBundle, publicBundleUrl } from '../../api/draws.ts';
import { FilePicker } from '../../components/file-picker.tsx';

type Outcome = { source: string; verification: BundleVerification } | { source: string; failure: string };

/** Runs the verifier after the spinner had a chance to paint (a large draw takes a moment). */
function verifyLater(bundle: unknown, resultHash: string | null): Promise<BundleVerification> {
  return new Promise((resolve) =>
    setTimeout(() => resolve(verifyBundle(bundle as DrawBundle, resultHash ? { resultHash } : {})), 0),
  );
}

function VerificationResult({ outcome }: { outcome: Outcome }) {
  if ('failure' in outcome)
    return <Alert type="error" showIcon title={`${outcome.source}：无法验证`} description={outcome.failure} />;
  const { verification } = outcome;
  return (
    <Flex vertical gap={8}>
      <Alert
        type={verification.ok ? 'success' : 'error'}
        showIcon
        title={verification.ok ? `验证通过（${outcome.source}）` : `验证未通过（${outcome.source}）`}
        description={
          verification.ok
            ? '在本浏览器中按 XF-SRS/1 从清单、监督人密钥和外部随机数重新计算，结果与公布的逐字节一致。'
            : '下列标 ✗ 的检查未通过：结果包与公开的输入或公布的结果不一致。'
        }
      />
      <List
        size="small"
        bordered
        dataSource={verification.checks}
        renderItem={(check) => (
          <List.Item>
            <Flex gap={10} align="flex-start" style={{ width: '100%' }} data-check={check.name}>
              <span aria-label={check.ok ? '通过' : '未通过'} style={{ fontSize: 16, color: check.ok ? '#52c41a' : '#ff4d4f' }}>
                {check.ok ? '✓' : '✗'}
              </span>
              <div style={{ minWidth: 0 }}>
                <Typography.Text strong>{check.label}</Typography.Text>
                <div className="hash-text" style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
                  {check.detail}
                </div>
              </div>
            </Flex>
          </List.Item>
        )}
      />
    </Flex>
  );
}

/**
 * 「在浏览器中验证」: downloads the published bundle and recomputes the draw here with the same code the server and
 * the CLI run (verifyBundle), checking every commitment, the seed, the result byte for byte and the published result
 * hash. 「上传结果包验证」 does the same for a file someone kept or received.
 */
export function BundleVerifier({ code, resultHash }: { code: string; resultHash: string | null }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const available = resultHash !== null;

  const run = async (source: string, load: () => Promise<unknown>) => {
    setBusy(true);
    setOutcome(null);
    try {
      const bundle = await load();
      setOutcome({ source, verification: await verifyLater(bundle, resultHash) });
    } catch (error) {
      setOutcome({ source, failure: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  const readFile = async (file: File): Promise<unknown> => {
    try {
      return JSON.parse(await file.text()) as unknown;
    } catch {
      throw new Error('文件不是有效的 JSON 结果包');
    }
  };

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined />}
          disabled={!available}
          loading={busy}
          onClick={() => void run('公开结果包', () => fetchPublicBundle(code))}
        >
          在浏览器中验证
        </Button>
        <Button icon={<DownloadOutlined />} href={publicBundleUrl(code)} download={`${code}.bundle.json`} disabled={!available}>
          下载结果包
        </Button>
      </Flex>
      {available ? null : <Typography.Text type="secondary">执行抽取后才有结果包。</Typography.Text>}
      {outcome ? <VerificationResult outcome={outcome} /> : null}
      {available ? (
        <div>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            <label htmlFor="bundle-file">
              <Typography.Text strong>上传结果包验证</Typography.Text>
            </label>
            <Typography.Text type="secondary">
              ：用您保存或收到的结果包文件（.json）复核，并与本页公布的结果哈希比对。也可用命令行工具离线验证。
            </Typography.Text>
          </Typography.Paragraph>
          <FilePicker
            id="bundle-file"
            file={null}
            accept=".json,application/json"
            hint="文件只在本浏览器中读取，不会上传到服务器"
            disabled={busy}
            onChange={(file) => file && void run(`文件 ${file.name}`, () => readFile(file))}
          />
        </div>
      ) : null}
    </Flex>
  );
}
