#!/usr/bin/env node
// A local Wechaty puppet-service gateway serving the mock puppet, driven by JSON lines on stdin.
//
// Usage: node gateway.mjs --port 8788 --token TOKEN [--world world.json | --world-json '{...}'] [--keep-alive]
//   (or GATEWAY_PORT / GATEWAY_TOKEN / GATEWAY_WORLD_JSON in the environment).
// stdout carries only JSON lines (events and command replies); logs go to stderr.
// See README.md in this folder for the protocol.

import fs from 'node:fs'
import readline from 'node:readline'

import { FileBox } from 'file-box'
import * as PUPPET from 'wechaty-puppet'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { PuppetServer } from 'wechaty-puppet-service'

const DEFAULT_WORLD = {
  bot: { id: 'duban_bot', name: '督办助手' },
  contacts: [
    { id: 'wxid_office', name: '县督查室王主任' },
    { id: 'wxid_liaison_a', name: '张三' },
    { id: 'wxid_liaison_b', name: '李四' },
  ],
  rooms: [
    {
      id: 'room_main@chatroom',
      topic: '县督查工作群',
      members: ['wxid_office', 'wxid_liaison_a', 'wxid_liaison_b'],
      aliases: { wxid_liaison_a: '城关镇-张三', wxid_liaison_b: '发改委-李四' },
    },
  ],
}

function parseArgs (argv) {
  const args = {}
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i]
    if (!key.startsWith('--')) continue
    const value = argv[i + 1]
    if (value === undefined || value.startsWith('--')) {
      args[key.slice(2)] = true
    } else {
      args[key.slice(2)] = value
      i++
    }
  }
  return args
}

function out (obj) {
  process.stdout.write(JSON.stringify(obj) + '\n')
}

function loadWorld (args) {
  if (args.world) return JSON.parse(fs.readFileSync(args.world, 'utf8'))
  const inline = args['world-json'] ?? process.env.GATEWAY_WORLD_JSON
  if (inline) return JSON.parse(inline)
  return DEFAULT_WORLD
}

// WeChat server message ids (svrid / newMsgId) are 19-digit numbers; imitate them so quotes look real.
let idCounter = 0n
const idBase = BigInt(Date.now()) * 1000000n
function nextMessageId () {
  idCounter += 1n
  return String(idBase + idCounter)
}

function escapeXml (text) {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

// What a real WeChat quoted reply carries: an appmsg of type 57 whose refermsg names the quoted message.
function quoteXml ({ text, quoted, quotedTalker, quotedTalkerName, roomId, botId }) {
  const createTime = Math.floor((quoted?.timestamp ?? Date.now()) / 1000)
  return [
    '<?xml version="1.0"?>',
    '<msg>',
    '<appmsg appid="" sdkver="0">',
    `<title>${escapeXml(text)}</title>`,
    '<des></des><action></action>',
    '<type>57</type>',
    '<showtype>0</showtype><content></content><url></url>',
    '<refermsg>',
    `<type>${quoted?.type === PUPPET.types.Message.Text || !quoted ? 1 : 49}</type>`,
    `<svrid>${escapeXml(quoted?.id ?? '')}</svrid>`,
    `<fromusr>${escapeXml(roomId ?? quotedTalker ?? '')}</fromusr>`,
    `<chatusr>${escapeXml(quotedTalker ?? '')}</chatusr>`,
    `<displayname>${escapeXml(quotedTalkerName ?? '')}</displayname>`,
    `<content>${escapeXml(quoted?.text ?? '')}</content>`,
    `<createtime>${createTime}</createtime>`,
    '</refermsg>',
    '</appmsg>',
    `<fromusername>${escapeXml(botId)}</fromusername>`,
    '</msg>',
  ].join('')
}

async function main () {
  const args = parseArgs(process.argv.slice(2))
  const port = Number(args.port ?? process.env.GATEWAY_PORT ?? 8788)
  const token = args.token ?? process.env.GATEWAY_TOKEN ?? 'duban-test-token'
  const world = loadWorld(args)
  const keepAlive = 'keep-alive' in args || process.env.GATEWAY_KEEP_ALIVE === '1'

  const mocker = new mock.Mocker()
  const contacts = new Map()
  const roomAliases = new Map() // roomId -> { contactId: alias }

  const bot = mocker.createContact({ id: world.bot.id, name: world.bot.name })
  contacts.set(bot.id, bot)
  for (const c of world.contacts ?? []) {
    contacts.set(c.id, mocker.createContact({ id: c.id, name: c.name, alias: c.alias }))
  }
  for (const r of world.rooms ?? []) {
    const memberIdList = [bot.id, ...(r.members ?? []).filter(m => m !== bot.id)]
    mocker.createRoom({ id: r.id, topic: r.topic, memberIdList, adminIdList: [], ownerId: r.owner })
    roomAliases.set(r.id, { ...(r.aliases ?? {}) })
  }
  // A behaviour returns its cleanup function; Mocker.stop() calls each one.
  mocker.use(m => {
    m.login(bot)
    return () => {}
  })

  const puppet = new PuppetMock({ mocker })
  let sendFailures = 0
  let silent = false

  function contact (id) {
    const c = contacts.get(id)
    if (!c) throw new Error(`unknown contact ${id}`)
    return c
  }
  function room (id) {
    return mocker.RoomMock.load(id)
  }
  function emitMessage (payload) {
    mocker.MessageMock.create(payload)
    puppet.emit('message', { messageId: payload.id })
  }

  // The stock mock drops the mention list and returns no id: record the call and answer like WeChat.
  puppet.messageSendText = async (conversationId, text, mentionIdList = []) => {
    if (!puppet.isLoggedIn) throw new Error('not logged in')
    if (sendFailures > 0) {
      sendFailures--
      throw new Error('simulated send failure')
    }
    const id = nextMessageId()
    const isRoom = conversationId.includes('@')
    const payload = {
      id,
      talkerId: puppet.currentUserId,
      timestamp: Date.now(),
      type: PUPPET.types.Message.Text,
      text,
      mentionIdList: isRoom ? [...mentionIdList] : [],
      ...(isRoom ? { roomId: conversationId } : { listenerId: conversationId }),
    }
    out({ event: 'sent', id, conversation: conversationId, text, mentions: [...mentionIdList] })
    emitMessage(payload) // WeChat echoes the account's own messages back
    return id
  }

  // Files: what a contact sends (served to the bot by messageFile) and what the bot sends (recorded with
  // its bytes, so tests see exactly what arrived).
  const sentFiles = new Map() // message id -> { name, buffer }
  puppet.messageSendFile = async (conversationId, fileBox) => {
    if (!puppet.isLoggedIn) throw new Error('not logged in')
    if (sendFailures > 0) {
      sendFailures--
      throw new Error('simulated send failure')
    }
    const buffer = await fileBox.toBuffer()
    const id = nextMessageId()
    const isRoom = conversationId.includes('@')
    out({
      event: 'sent_file',
      id,
      conversation: conversationId,
      name: fileBox.name,
      size: buffer.length,
      base64: buffer.toString('base64'),
    })
    sentFiles.set(id, { name: fileBox.name, buffer })
    emitMessage({
      id,
      talkerId: puppet.currentUserId,
      timestamp: Date.now(),
      type: PUPPET.types.Message.Attachment,
      text: fileBox.name,
      ...(isRoom ? { roomId: conversationId, mentionIdList: [] } : { listenerId: conversationId }),
    })
    return id
  }
  const stockMessageFile = puppet.messageFile.bind(puppet)
  puppet.messageFile = async (messageId) => {
    const file = sentFiles.get(messageId)
    if (!file) return stockMessageFile(messageId)
    // Base64 boxes up to 20 KB travel inline in the reply; bigger ones the server turns into a UUID box.
    return FileBox.fromBase64(file.buffer.toString('base64'), file.name)
  }

  // Room aliases (群昵称) are not in the stock member payload.
  const memberRawPayload = puppet.roomMemberRawPayload.bind(puppet)
  puppet.roomMemberRawPayload = async (roomId, contactId) => {
    const payload = await memberRawPayload(roomId, contactId)
    const alias = roomAliases.get(roomId)?.[contactId]
    return alias ? { ...payload, roomAlias: alias } : payload
  }

  const ding = puppet.ding.bind(puppet)
  puppet.ding = (data) => {
    if (!silent) ding(data)
  }

  puppet.on('start', () => out({ event: 'puppet', state: 'start' }))
  puppet.on('stop', () => out({ event: 'puppet', state: 'stop' }))
  puppet.on('login', ({ contactId }) => out({ event: 'login', contact: contactId }))
  puppet.on('logout', ({ contactId }) => out({ event: 'logout', contact: contactId }))

  const commands = {
    say (cmd) {
      const talker = contact(cmd.from)
      const id = cmd.id ? String(cmd.id) : nextMessageId()
      const timestamp = cmd.timestamp ?? Date.now()
      let text = cmd.text ?? ''
      if (cmd.quote) {
        const quoted = mocker.cacheMessagePayload.get(String(cmd.quote))
        const quotedTalker = quoted?.talkerId
        text = quoteXml({
          text,
          quoted: quoted ?? { id: String(cmd.quote) },
          quotedTalker,
          quotedTalkerName: quotedTalker ? contacts.get(quotedTalker)?.payload.name : '',
          roomId: cmd.room,
          botId: bot.id,
        })
        // Hooks on Windows WeChat deliver the sender prefix in front of the room XML.
        if (cmd.room && cmd.sender_prefix) text = `${talker.id}:\n${text}`
      }
      const base = { id, talkerId: talker.id, timestamp, type: PUPPET.types.Message.Text, text }
      const payload = cmd.room
        ? { ...base, roomId: room(cmd.room).id, mentionIdList: cmd.mentions ?? [] }
        : { ...base, listenerId: cmd.to ?? bot.id }
      emitMessage(payload)
      return { id, timestamp }
    },
    send_file (cmd) {
      const talker = contact(cmd.from)
      const id = cmd.id ? String(cmd.id) : nextMessageId()
      const timestamp = cmd.timestamp ?? Date.now()
      sentFiles.set(id, { name: cmd.name, buffer: Buffer.from(cmd.base64 ?? '', 'base64') })
      const base = { id, talkerId: talker.id, timestamp, type: PUPPET.types.Message.Attachment, text: cmd.name }
      const payload = cmd.room
        ? { ...base, roomId: room(cmd.room).id, mentionIdList: [] }
        : { ...base, listenerId: cmd.to ?? bot.id }
      emitMessage(payload)
      return { id, timestamp }
    },
    join (cmd) {
      const invitees = (cmd.contacts ?? []).map(id => {
        if (!contacts.has(id)) contacts.set(id, mocker.createContact({ id, name: cmd.names?.[id] ?? id }))
        return contact(id)
      })
      room(cmd.room).add(...invitees).by(contact(cmd.by ?? bot.id))
      return {}
    },
    leave (cmd) {
      room(cmd.room).remove(...(cmd.contacts ?? []).map(contact)).by(contact(cmd.by ?? bot.id))
      return {}
    },
    topic (cmd) {
      room(cmd.room).topic(cmd.topic).by(contact(cmd.by ?? bot.id))
      return {}
    },
    alias (cmd) {
      const aliases = roomAliases.get(cmd.room) ?? {}
      aliases[cmd.contact] = cmd.alias
      roomAliases.set(cmd.room, aliases)
      return {}
    },
    contact (cmd) {
      if (!contacts.has(cmd.id)) contacts.set(cmd.id, mocker.createContact({ id: cmd.id, name: cmd.name }))
      return {}
    },
    scan (cmd) {
      mocker.scan(cmd.qrcode ?? 'https://login.weixin.qq.com/l/mock', cmd.status ?? PUPPET.types.ScanStatus.Waiting)
      return {}
    },
    async logout () {
      await puppet.logout()
      return {}
    },
    login () {
      mocker.login(bot)
      return {}
    },
    fail_sends (cmd) {
      sendFailures = Number(cmd.count ?? 1)
      return {}
    },
    silence (cmd) {
      silent = cmd.on !== false
      return {}
    },
    messages () {
      return { messages: [...mocker.cacheMessagePayload.values()] }
    },
    async quit () {
      setImmediate(() => shutdown(0))
      return {}
    },
  }

  const server = new PuppetServer({ endpoint: `127.0.0.1:${port}`, puppet, token, tls: { disable: true } })

  let stopping = false
  async function shutdown (code) {
    if (stopping) return
    stopping = true
    try {
      await server.stop()
    } catch (e) {
      process.stderr.write(`gateway: stop failed: ${e}\n`)
    }
    process.exit(code)
  }
  process.on('SIGINT', () => shutdown(0))
  process.on('SIGTERM', () => shutdown(0))

  const rl = readline.createInterface({ input: process.stdin })
  rl.on('line', async line => {
    if (!line.trim()) return
    let cmd
    try {
      cmd = JSON.parse(line)
    } catch (e) {
      out({ event: 'error', message: `bad json: ${e.message}` })
      return
    }
    const handler = commands[cmd.cmd]
    if (!handler) {
      out({ event: 'error', req: cmd.req, cmd: cmd.cmd, message: `unknown command ${cmd.cmd}` })
      return
    }
    try {
      const result = await handler(cmd)
      out({ event: 'ok', req: cmd.req, cmd: cmd.cmd, ...result })
    } catch (e) {
      out({ event: 'error', req: cmd.req, cmd: cmd.cmd, message: String(e?.message ?? e) })
    }
  })
  // Tests end the gateway by closing stdin; --keep-alive keeps it serving (e.g. started with </dev/null).
  rl.on('close', () => { if (!keepAlive) shutdown(0) })

  await server.start()
  out({ event: 'ready', port, bot: bot.id })
}

main().catch(e => {
  process.stderr.write(`gateway: ${e?.stack ?? e}\n`)
  process.exit(1)
})
