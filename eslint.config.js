export { default } from '@unionhall/eslint-config';
