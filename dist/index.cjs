// Generated file: do not edit. Regenerate with `npm run build`.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const readJson = (path) => JSON.parse(readFileSync(join(__dirname, path), 'utf8'));

const index = readJson('./index.json');

const version = index.version;
const schemaVersion = index.schemaVersion;

/** Every article field, in order; the lazy ones are read from the article's own file on first access. */
const ARTICLE_KEYS = ["id","headline","url","publisher","authors","datePublished","dateModified","language","body","keywords","provenance","rights","annotations","inferences"];
const LAZY_KEYS = ["body","annotations","inferences"];

function setValue(target, key, value) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function loadDetails(article) {
  const details = readJson('./articles/' + article.id + '.json').article;
  for (const key of LAZY_KEYS) setValue(article, key, details[key]);
}

const lazyFields = Object.fromEntries(
  LAZY_KEYS.map((key) => [
    key,
    {
      enumerable: true,
      configurable: true,
      get() {
        loadDetails(this);
        return this[key];
      },
      set(value) {
        setValue(this, key, value);
      },
    },
  ]),
);

function toArticle(summary) {
  const article = {};
  for (const key of ARTICLE_KEYS) {
    if (Object.hasOwn(lazyFields, key)) Object.defineProperty(article, key, lazyFields[key]);
    else article[key] = summary[key];
  }
  return article;
}

const articles = index.articles.map(toArticle);
const entities = index.entities;
const outlets = index.outlets;
const redirects = index.redirects;

function lookup(records) {
  let byId;
  return (id) => (byId ??= new Map(records.map((record) => [record.id, record]))).get(id);
}

const getArticle = lookup(articles);
const getEntity = lookup(entities);
const getOutlet = lookup(outlets);
const getRedirect = lookup(redirects);

function articleText(article) {
  return article.body.map((block) => block.text).join('\n');
}

exports.version = version;
exports.schemaVersion = schemaVersion;
exports.articles = articles;
exports.entities = entities;
exports.outlets = outlets;
exports.redirects = redirects;
exports.getArticle = getArticle;
exports.getEntity = getEntity;
exports.getOutlet = getOutlet;
exports.getRedirect = getRedirect;
exports.articleText = articleText;
