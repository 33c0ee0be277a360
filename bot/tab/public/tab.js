/* global document, window, microsoftTeams */
// The deadlines tab in the browser: signs in through Teams (or, in development, as the named test user),
// fetches /api/deadlines and draws the next eight weeks, overdue first. Case references only, never names.
'use strict';

const THEMES = new Set(['default', 'dark', 'contrast']);
const devUser = document.querySelector('meta[name="cin-dev-user"]').content;
const state = { view: 'mine', data: undefined, headers: undefined };
const element = (id) => document.getElementById(id);

function setStatus(text) {
  element('status').textContent = text;
  element('status').hidden = text === '';
}

function applyTheme(theme) {
  document.body.dataset.theme = THEMES.has(theme) ? theme : 'default';
}

/** Resolves true inside a Teams host, false when none answers in time. */
async function initializeTeams() {
  // A top-level window with no opener and no native host is a plain browser: no need to wait for Teams.
  if (window.self === window.top && !window.opener && !window.nativeInterface) return false;
  const timeout = new Promise((resolve) => setTimeout(() => resolve(false), 5000));
  return Promise.race([microsoftTeams.app.initialize().then(() => true, () => false), timeout]);
}

async function signIn() {
  if (await initializeTeams()) {
    const context = await microsoftTeams.app.getContext();
    applyTheme(context.app.theme);
    microsoftTeams.app.registerOnThemeChangeHandler(applyTheme);
    const token = await microsoftTeams.authentication.getAuthToken();
    return { Authorization: `Bearer ${token}` };
  }
  if (devUser === '') return undefined;
  // Development only: the server puts the test user here only when TAB_DEV_USER is set, never in production.
  applyTheme(new URLSearchParams(window.location.search).get('theme') ?? 'default');
  return { 'X-Tab-Dev-User': devUser };
}

async function load(view) {
  state.view = view;
  setStatus('Loading…');
  const response = await fetch(`/api/deadlines?view=${view}`, { headers: state.headers });
  if (!response.ok) {
    setStatus(response.status === 401 ? 'Sign-in failed. Reopen the tab in Teams.' : 'The deadlines could not be loaded just now.');
    return;
  }
  state.data = await response.json();
  setStatus('');
  element('views').hidden = false;
  element('view-team').hidden = !state.data.managesTeams;
  for (const tab of document.querySelectorAll('[role="tab"]')) tab.setAttribute('aria-selected', String(tab.dataset.view === view));
  fillFilter('filter-case', [...new Set(state.data.deadlines.map((item) => item.caseReference))].sort(), (value) => value);
  fillFilter('filter-type', [...new Set(state.data.deadlines.map((item) => item.topic))].sort(), topicWords);
  element('filters').hidden = false;
  render();
  // The Team view leads with the timeliness charts (team-charts.js); the deadlines list follows them.
  if (view === 'team') window.cinTeamCharts.show(state.headers);
  else window.cinTeamCharts.hide();
}

function topicWords(topic) {
  const words = topic.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function fillFilter(id, values, label) {
  const select = element(id);
  const chosen = select.value;
  select.replaceChildren(select.options[0]);
  for (const value of values) select.add(new window.Option(label(value), value));
  select.value = values.includes(chosen) ? chosen : '';
}

/** The Monday of a YYYY-MM-DD date's week, as YYYY-MM-DD. */
function mondayOf(date) {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

function weekHeading(monday) {
  const day = new Date(`${monday}T00:00:00Z`);
  return `Week beginning ${day.toLocaleDateString('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' })}`;
}

function render() {
  const caseFilter = element('filter-case').value;
  const typeFilter = element('filter-type').value;
  const items = state.data.deadlines.filter((item) => (caseFilter === '' || item.caseReference === caseFilter) && (typeFilter === '' || item.topic === typeFilter));
  const timeline = element('timeline');
  timeline.replaceChildren();
  if (items.length === 0) {
    timeline.append(paragraph('Nothing is due in the next eight weeks.'));
    return;
  }
  // The API sends them soonest first, so the overdue lead and each week follows in order.
  const groups = new Map();
  for (const item of items) {
    const key = item.overdue ? 'overdue' : mondayOf(item.dueOn);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(item);
  }
  for (const [key, group] of groups) {
    const section = document.createElement('section');
    const heading = document.createElement('h2');
    heading.textContent = key === 'overdue' ? 'Overdue' : weekHeading(key);
    if (key === 'overdue') heading.className = 'overdue';
    const list = document.createElement('ol');
    for (const item of group) list.append(row(item));
    section.append(heading, list);
    timeline.append(section);
  }
}

function row(item) {
  const entry = document.createElement('li');
  entry.className = item.overdue ? 'item overdue' : 'item';
  entry.dataset.case = item.caseReference;
  entry.dataset.due = item.dueOn;
  const cell = (className, text) => {
    const span = document.createElement('span');
    span.className = className;
    span.textContent = text;
    return span;
  };
  const what = item.team === undefined ? item.requires : `${item.requires} (team ${item.team})`;
  entry.append(cell('due', `${item.overdue ? 'Overdue: ' : ''}${item.dueOnText}`), cell('case', item.caseReference), cell('what', what));
  return entry;
}

function paragraph(text) {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

async function start() {
  try {
    state.headers = await signIn();
  } catch {
    setStatus('Teams could not sign you in. Close the tab and open it again.');
    return;
  }
  if (state.headers === undefined) {
    setStatus('This page is the CiN Assistant deadlines tab. Open it in Microsoft Teams: outside Teams it cannot sign you in.');
    return;
  }
  for (const tab of document.querySelectorAll('[role="tab"]')) tab.addEventListener('click', () => load(tab.dataset.view));
  element('filter-case').addEventListener('change', render);
  element('filter-type').addEventListener('change', render);
  await load('mine');
}

start();
