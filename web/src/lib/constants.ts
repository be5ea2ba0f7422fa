export const SYSTEM_NAME = '双随机消防监管系统';

/** The browser tab title for a page. */
export const documentTitle = (page: string) => `${page} - ${SYSTEM_NAME}`;
