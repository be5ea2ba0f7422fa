import { EditOutlined } from '@ant-design/icons';
import type { CalendarYearDetail, CalendarYearView, HolidayDayView } from '@contracts/calendar.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Alert, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { calendarKeys, calendarYearQuery, calendarYearsQuery } from '../../api/calendar.ts';
import { LoadFailed } from '../../components/load-failed.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { CalendarYearModal } from './calendar-year-modal.tsx';
import { useSession } from '../../session/session-context.ts';
import { todayInChinaDayjs } from '../../lib/today.ts';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;
const weekdayOf = (date: string) => WEEKDAYS[dayjs(date).day()] ?? '—';

const yearColumns: TableColumnsType<CalendarYearView> = [
  { title: '年份', dataIndex: 'year', key: 'year', render: (year: number) => `${year} 年` },
  { title: '来源', dataIndex: 'source', key: 'source' },
  { title: '发布日期', dataIndex: 'publishedOn', key: 'publishedOn', render: (value: string | null) => value ?? '—' },
  { title: '节假日/调休天数', dataIndex: 'days', key: 'days', align: 'right', render: (days: number) => `${days} 天` },
];

const dayColumns: TableColumnsType<HolidayDayView> = [
  { title: '日期', dataIndex: 'date', key: 'date' },
  { title: '星期', key: 'weekday', render: (_, day) => weekdayOf(day.date) },
  {
    title: '类型',
    key: 'kind',
    render: (_, day) => <Tag color={day.kind === 'holiday' ? 'green' : 'orange'}>{day.kindLabel}</Tag>,
  },
  { title: '名称', dataIndex: 'name', key: 'name' },
];

export default function CalendarPage() {
  const { canChange } = useSession();
  const canManage = canChange('calendar.manage');
  const queryClient = useQueryClient();
  const years = useQuery(calendarYearsQuery);
  const [chosenYear, setChosenYear] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);

  const yearRows = [...(years.data?.years ?? [])].sort((a, b) => b.year - a.year);
  const currentYear = todayInChinaDayjs().year();
  const selectedYear =
    chosenYear !== null && yearRows.some((row) => row.year === chosenYear)
      ? chosenYear
      : ((yearRows.find((row) => row.year === currentYear) ?? yearRows[0])?.year ?? null);
  const detail = useQuery(calendarYearQuery(selectedYear));
  const days = [...(detail.data?.days ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const nextYear = yearRows.length ? Math.max(...yearRows.map((row) => row.year)) + 1 : currentYear;

  const onSaved = (saved: CalendarYearDetail) => {
    setEditing(false);
    setChosenYear(saved.year);
    void queryClient.invalidateQueries({ queryKey: calendarKeys.all });
  };

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="工作日历"
        description="国务院公布的放假与调休安排，用于计算工作日期限。每年公布后由系统管理员录入。"
        extra={
          canManage ? (
            <Button type="primary" icon={<EditOutlined />} disabled={years.isPending} onClick={() => setEditing(true)}>
              录入/修改年度安排
            </Button>
          ) : null
        }
      />
      {years.data?.warning ? <Alert type="warning" showIcon title={years.data.warning} /> : null}
      {years.isError ? (
        <Card>
          <LoadFailed onRetry={() => void years.refetch()} />
        </Card>
      ) : (
        <>
          <Card title="年度安排">
            <Table<CalendarYearView>
              rowKey="year"
              columns={yearColumns}
              dataSource={yearRows}
              loading={years.isFetching}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: '尚未录入任何年度安排' }}
              rowSelection={{
                type: 'radio',
                columnTitle: '查看',
                selectedRowKeys: selectedYear === null ? [] : [selectedYear],
                onChange: (keys) => setChosenYear(Number(keys[0])),
                getCheckboxProps: (row) => ({ 'aria-label': `查看 ${row.year} 年安排` }),
              }}
              onRow={(row) => ({ onClick: () => setChosenYear(row.year) })}
            />
          </Card>
          {selectedYear !== null ? (
            <Card title={`${selectedYear} 年放假与调休上班日期`}>
              {detail.isError ? (
                <LoadFailed onRetry={() => void detail.refetch()} />
              ) : (
                <Flex vertical gap={12}>
                  {detail.data ? (
                    <Typography.Text type="secondary">
                      来源：{detail.data.source}
                      {detail.data.publishedOn ? `（${detail.data.publishedOn} 发布）` : ''}
                    </Typography.Text>
                  ) : null}
                  <Table<HolidayDayView>
                    rowKey="date"
                    columns={dayColumns}
                    dataSource={days}
                    loading={detail.isFetching}
                    pagination={false}
                    size="small"
                    scroll={{ x: 'max-content' }}
                    locale={{ emptyText: '该年份没有放假或调休日期' }}
                  />
                </Flex>
              )}
            </Card>
          ) : null}
        </>
      )}
      {editing ? (
        <CalendarYearModal
          initial={detail.data && detail.data.year === selectedYear ? detail.data : undefined}
          defaultYear={selectedYear ?? nextYear}
          onClose={() => setEditing(false)}
          onSaved={onSaved}
        />
      ) : null}
    </Flex>
  );
}
