var G=globalThis,F=G.ShadowRoot&&(G.ShadyCSS===void 0||G.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,se=Symbol(),Ee=new WeakMap,O=class{constructor(e,t,s){if(this._$cssResult$=!0,s!==se)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(F&&e===void 0){let s=t!==void 0&&t.length===1;s&&(e=Ee.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),s&&Ee.set(t,e))}return e}toString(){return this.cssText}},Re=n=>new O(typeof n=="string"?n:n+"",void 0,se),ne=(n,...e)=>{let t=n.length===1?n[0]:e.reduce((s,r,i)=>s+(o=>{if(o._$cssResult$===!0)return o.cssText;if(typeof o=="number")return o;throw Error("Value passed to 'css' function must be a 'css' function result: "+o+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(r)+n[i+1],n[0]);return new O(t,n,se)},Te=(n,e)=>{if(F)n.adoptedStyleSheets=e.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(let t of e){let s=document.createElement("style"),r=G.litNonce;r!==void 0&&s.setAttribute("nonce",r),s.textContent=t.cssText,n.appendChild(s)}},re=F?n=>n:n=>n instanceof CSSStyleSheet?(e=>{let t="";for(let s of e.cssRules)t+=s.cssText;return Re(t)})(n):n;var{is:Ct,defineProperty:Pt,getOwnPropertyDescriptor:Dt,getOwnPropertyNames:Mt,getOwnPropertySymbols:Ht,getPrototypeOf:Ot}=Object,W=globalThis,Ce=W.trustedTypes,Nt=Ce?Ce.emptyScript:"",Ut=W.reactiveElementPolyfillSupport,N=(n,e)=>n,ie={toAttribute(n,e){switch(e){case Boolean:n=n?Nt:null;break;case Object:case Array:n=n==null?n:JSON.stringify(n)}return n},fromAttribute(n,e){let t=n;switch(e){case Boolean:t=n!==null;break;case Number:t=n===null?null:Number(n);break;case Object:case Array:try{t=JSON.parse(n)}catch{t=null}}return t}},De=(n,e)=>!Ct(n,e),Pe={attribute:!0,type:String,converter:ie,reflect:!1,useDefault:!1,hasChanged:De};Symbol.metadata??=Symbol("metadata"),W.litPropertyMetadata??=new WeakMap;var v=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=Pe){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let s=Symbol(),r=this.getPropertyDescriptor(e,s,t);r!==void 0&&Pt(this.prototype,e,r)}}static getPropertyDescriptor(e,t,s){let{get:r,set:i}=Dt(this.prototype,e)??{get(){return this[t]},set(o){this[t]=o}};return{get:r,set(o){let d=r?.call(this);i?.call(this,o),this.requestUpdate(e,d,s)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??Pe}static _$Ei(){if(this.hasOwnProperty(N("elementProperties")))return;let e=Ot(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(N("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(N("properties"))){let t=this.properties,s=[...Mt(t),...Ht(t)];for(let r of s)this.createProperty(r,t[r])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[s,r]of t)this.elementProperties.set(s,r)}this._$Eh=new Map;for(let[t,s]of this.elementProperties){let r=this._$Eu(t,s);r!==void 0&&this._$Eh.set(r,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let s=new Set(e.flat(1/0).reverse());for(let r of s)t.unshift(re(r))}else e!==void 0&&t.push(re(e));return t}static _$Eu(e,t){let s=t.attribute;return s===!1?void 0:typeof s=="string"?s:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let s of t.keys())this.hasOwnProperty(s)&&(e.set(s,this[s]),delete this[s]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return Te(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,s){this._$AK(e,s)}_$ET(e,t){let s=this.constructor.elementProperties.get(e),r=this.constructor._$Eu(e,s);if(r!==void 0&&s.reflect===!0){let i=(s.converter?.toAttribute!==void 0?s.converter:ie).toAttribute(t,s.type);this._$Em=e,i==null?this.removeAttribute(r):this.setAttribute(r,i),this._$Em=null}}_$AK(e,t){let s=this.constructor,r=s._$Eh.get(e);if(r!==void 0&&this._$Em!==r){let i=s.getPropertyOptions(r),o=typeof i.converter=="function"?{fromAttribute:i.converter}:i.converter?.fromAttribute!==void 0?i.converter:ie;this._$Em=r;let d=o.fromAttribute(t,i.type);this[r]=d??this._$Ej?.get(r)??d,this._$Em=null}}requestUpdate(e,t,s,r=!1,i){if(e!==void 0){let o=this.constructor;if(r===!1&&(i=this[e]),s??=o.getPropertyOptions(e),!((s.hasChanged??De)(i,t)||s.useDefault&&s.reflect&&i===this._$Ej?.get(e)&&!this.hasAttribute(o._$Eu(e,s))))return;this.C(e,t,s)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,t,{useDefault:s,reflect:r,wrapped:i},o){s&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,o??t??this[e]),i!==!0||o!==void 0)||(this._$AL.has(e)||(this.hasUpdated||s||(t=void 0),this._$AL.set(e,t)),r===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[r,i]of this._$Ep)this[r]=i;this._$Ep=void 0}let s=this.constructor.elementProperties;if(s.size>0)for(let[r,i]of s){let{wrapped:o}=i,d=this[r];o!==!0||this._$AL.has(r)||d===void 0||this.C(r,void 0,i,d)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(s=>s.hostUpdate?.()),this.update(t)):this._$EM()}catch(s){throw e=!1,this._$EM(),s}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(e){}firstUpdated(e){}};v.elementStyles=[],v.shadowRootOptions={mode:"open"},v[N("elementProperties")]=new Map,v[N("finalized")]=new Map,Ut?.({ReactiveElement:v}),(W.reactiveElementVersions??=[]).push("2.1.2");var ue=globalThis,Me=n=>n,q=ue.trustedTypes,He=q?q.createPolicy("lit-html",{createHTML:n=>n}):void 0,ze="$lit$",w=`lit$${Math.random().toFixed(9).slice(2)}$`,Ve="?"+w,It=`<${Ve}>`,E=document,I=()=>E.createComment(""),L=n=>n===null||typeof n!="object"&&typeof n!="function",he=Array.isArray,Lt=n=>he(n)||typeof n?.[Symbol.iterator]=="function",oe=`[ 	
\f\r]`,U=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,Oe=/-->/g,Ne=/>/g,S=RegExp(`>|${oe}(?:([^\\s"'>=/]+)(${oe}*=${oe}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),Ue=/'/g,Ie=/"/g,je=/^(?:script|style|textarea|title)$/i,fe=n=>(e,...t)=>({_$litType$:n,strings:e,values:t}),c=fe(1),K=fe(2),cs=fe(3),R=Symbol.for("lit-noChange"),p=Symbol.for("lit-nothing"),Le=new WeakMap,k=E.createTreeWalker(E,129);function Be(n,e){if(!he(n)||!n.hasOwnProperty("raw"))throw Error("invalid template strings array");return He!==void 0?He.createHTML(e):e}var zt=(n,e)=>{let t=n.length-1,s=[],r,i=e===2?"<svg>":e===3?"<math>":"",o=U;for(let d=0;d<t;d++){let a=n[d],l,u,h=-1,m=0;for(;m<a.length&&(o.lastIndex=m,u=o.exec(a),u!==null);)m=o.lastIndex,o===U?u[1]==="!--"?o=Oe:u[1]!==void 0?o=Ne:u[2]!==void 0?(je.test(u[2])&&(r=RegExp("</"+u[2],"g")),o=S):u[3]!==void 0&&(o=S):o===S?u[0]===">"?(o=r??U,h=-1):u[1]===void 0?h=-2:(h=o.lastIndex-u[2].length,l=u[1],o=u[3]===void 0?S:u[3]==='"'?Ie:Ue):o===Ie||o===Ue?o=S:o===Oe||o===Ne?o=U:(o=S,r=void 0);let g=o===S&&n[d+1].startsWith("/>")?" ":"";i+=o===U?a+It:h>=0?(s.push(l),a.slice(0,h)+ze+a.slice(h)+w+g):a+w+(h===-2?d:g)}return[Be(n,i+(n[t]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),s]},z=class n{constructor({strings:e,_$litType$:t},s){let r;this.parts=[];let i=0,o=0,d=e.length-1,a=this.parts,[l,u]=zt(e,t);if(this.el=n.createElement(l,s),k.currentNode=this.el.content,t===2||t===3){let h=this.el.content.firstChild;h.replaceWith(...h.childNodes)}for(;(r=k.nextNode())!==null&&a.length<d;){if(r.nodeType===1){if(r.hasAttributes())for(let h of r.getAttributeNames())if(h.endsWith(ze)){let m=u[o++],g=r.getAttribute(h).split(w),y=/([.?@])?(.*)/.exec(m);a.push({type:1,index:i,name:y[2],strings:g,ctor:y[1]==="."?de:y[1]==="?"?ce:y[1]==="@"?le:D}),r.removeAttribute(h)}else h.startsWith(w)&&(a.push({type:6,index:i}),r.removeAttribute(h));if(je.test(r.tagName)){let h=r.textContent.split(w),m=h.length-1;if(m>0){r.textContent=q?q.emptyScript:"";for(let g=0;g<m;g++)r.append(h[g],I()),k.nextNode(),a.push({type:2,index:++i});r.append(h[m],I())}}}else if(r.nodeType===8)if(r.data===Ve)a.push({type:2,index:i});else{let h=-1;for(;(h=r.data.indexOf(w,h+1))!==-1;)a.push({type:7,index:i}),h+=w.length-1}i++}}static createElement(e,t){let s=E.createElement("template");return s.innerHTML=e,s}};function P(n,e,t=n,s){if(e===R)return e;let r=s!==void 0?t._$Co?.[s]:t._$Cl,i=L(e)?void 0:e._$litDirective$;return r?.constructor!==i&&(r?._$AO?.(!1),i===void 0?r=void 0:(r=new i(n),r._$AT(n,t,s)),s!==void 0?(t._$Co??=[])[s]=r:t._$Cl=r),r!==void 0&&(e=P(n,r._$AS(n,e.values),r,s)),e}var ae=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:s}=this._$AD,r=(e?.creationScope??E).importNode(t,!0);k.currentNode=r;let i=k.nextNode(),o=0,d=0,a=s[0];for(;a!==void 0;){if(o===a.index){let l;a.type===2?l=new V(i,i.nextSibling,this,e):a.type===1?l=new a.ctor(i,a.name,a.strings,this,e):a.type===6&&(l=new pe(i,this,e)),this._$AV.push(l),a=s[++d]}o!==a?.index&&(i=k.nextNode(),o++)}return k.currentNode=E,r}p(e){let t=0;for(let s of this._$AV)s!==void 0&&(s.strings!==void 0?(s._$AI(e,s,t),t+=s.strings.length-2):s._$AI(e[t])),t++}},V=class n{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,s,r){this.type=2,this._$AH=p,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=s,this.options=r,this._$Cv=r?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=P(this,e,t),L(e)?e===p||e==null||e===""?(this._$AH!==p&&this._$AR(),this._$AH=p):e!==this._$AH&&e!==R&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):Lt(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==p&&L(this._$AH)?this._$AA.nextSibling.data=e:this.T(E.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:s}=e,r=typeof s=="number"?this._$AC(e):(s.el===void 0&&(s.el=z.createElement(Be(s.h,s.h[0]),this.options)),s);if(this._$AH?._$AD===r)this._$AH.p(t);else{let i=new ae(r,this),o=i.u(this.options);i.p(t),this.T(o),this._$AH=i}}_$AC(e){let t=Le.get(e.strings);return t===void 0&&Le.set(e.strings,t=new z(e)),t}k(e){he(this._$AH)||(this._$AH=[],this._$AR());let t=this._$AH,s,r=0;for(let i of e)r===t.length?t.push(s=new n(this.O(I()),this.O(I()),this,this.options)):s=t[r],s._$AI(i),r++;r<t.length&&(this._$AR(s&&s._$AB.nextSibling,r),t.length=r)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let s=Me(e).nextSibling;Me(e).remove(),e=s}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},D=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,s,r,i){this.type=1,this._$AH=p,this._$AN=void 0,this.element=e,this.name=t,this._$AM=r,this.options=i,s.length>2||s[0]!==""||s[1]!==""?(this._$AH=Array(s.length-1).fill(new String),this.strings=s):this._$AH=p}_$AI(e,t=this,s,r){let i=this.strings,o=!1;if(i===void 0)e=P(this,e,t,0),o=!L(e)||e!==this._$AH&&e!==R,o&&(this._$AH=e);else{let d=e,a,l;for(e=i[0],a=0;a<i.length-1;a++)l=P(this,d[s+a],t,a),l===R&&(l=this._$AH[a]),o||=!L(l)||l!==this._$AH[a],l===p?e=p:e!==p&&(e+=(l??"")+i[a+1]),this._$AH[a]=l}o&&!r&&this.j(e)}j(e){e===p?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}},de=class extends D{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===p?void 0:e}},ce=class extends D{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==p)}},le=class extends D{constructor(e,t,s,r,i){super(e,t,s,r,i),this.type=5}_$AI(e,t=this){if((e=P(this,e,t,0)??p)===R)return;let s=this._$AH,r=e===p&&s!==p||e.capture!==s.capture||e.once!==s.once||e.passive!==s.passive,i=e!==p&&(s===p||r);r&&this.element.removeEventListener(this.name,this,s),i&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},pe=class{constructor(e,t,s){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(e){P(this,e)}};var Vt=ue.litHtmlPolyfillSupport;Vt?.(z,V),(ue.litHtmlVersions??=[]).push("3.3.3");var Ge=(n,e,t)=>{let s=t?.renderBefore??e,r=s._$litPart$;if(r===void 0){let i=t?.renderBefore??null;s._$litPart$=r=new V(e.insertBefore(I(),i),i,void 0,t??{})}return r._$AI(n),r};var me=globalThis,b=class extends v{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=Ge(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return R}};b._$litElement$=!0,b.finalized=!0,me.litElementHydrateSupport?.({LitElement:b});var jt=me.litElementPolyfillSupport;jt?.({LitElement:b});(me.litElementVersions??=[]).push("4.2.2");var Fe="component.back_relief.card.";function _e(n,e){let t={};for(let[s,r]of Object.entries(e))s.startsWith(Fe)&&typeof r=="string"&&(t[s.slice(Fe.length)]=r);return{language:n,strings:t}}function f(n,e,t={}){return(n?.strings[e]??e).replace(/\{(\w+)\}/g,(r,i)=>i in t?String(t[i]):r)}function Y(n,e,t){let s=n?.language||"en",r=new Intl.PluralRules(s).select(t),i=`${e}.${r}`,o=n?.strings[i]!==void 0?i:`${e}.other`;return f(n,o,{count:t})}var ge=new Map;function Z(n,e){let t=ge.get(e);return t||(t=n.callWS({type:"frontend/get_translations",language:e,category:"card",integration:["back_relief"]}).then(s=>_e(e,s.resources)),t.catch(()=>ge.delete(e)),ge.set(e,t)),t}function j(n){return n.locale?.language||n.language||"en"}var _="back_relief",X=["inversion","stretch","rest","exercise"],$=["exercise","rest","inversion"],qe=["sensor.session","sensor.session_ends","sensor.pain_level","switch.flare_up","select.stretch_routine",...$.flatMap(n=>[`sensor.${n}_today`,`sensor.${n}_streak`]),...X.map(n=>`number.${n}_duration`)],Ke=Array.from({length:11},(n,e)=>e),C=new Set(["unavailable","unknown"]);function Ye(n){let e=n.identifiers.find(([t])=>t===_);if(e)return{entryId:e[1],deviceId:n.id,name:n.name_by_user||n.name||""}}function ye(n){let e=[];for(let t of Object.values(n.devices??{})){let s=t&&Ye(t);s&&e.push(s)}return e.sort((t,s)=>t.name.localeCompare(s.name)||t.entryId.localeCompare(s.entryId))}function Ze(n,e){let t=ye(n);return e?t.find(s=>s.entryId===e):t.length===1?t[0]:void 0}function Xe(n,e){let t={};for(let s of Object.values(n.entities??{})){if(!s||s.device_id!==e||s.platform!==_||!s.translation_key)continue;let r=s.entity_id.split(".",1)[0];t[`${r}.${s.translation_key}`]=s.entity_id}return t}function Bt(n){let{step:e,step_number:t,step_count:s,step_side:r,step_cue:i}=n;if(typeof e!="string"||typeof t!="number")return;let o={name:e,number:t};(r==="left"||r==="right")&&(o.side=r),typeof i=="string"&&i&&i!==e&&(o.cue=i),typeof s=="number"&&s>=t&&(o.count=s);let d=T(n.step_ends_at);return d!==void 0&&(o.endsAt=d),o}function T(n){if(typeof n!="string"||C.has(n))return;let e=Date.parse(n);return Number.isNaN(e)?void 0:e}function Je(n,e){if(!n||C.has(n.state))return{status:"unavailable"};if(n.state==="idle")return{status:"idle"};let t=n.state,s=typeof n.attributes.planned_minutes=="number"?n.attributes.planned_minutes:void 0,r=Bt(n.attributes);if(n.attributes.status==="paused")return{status:"paused",activity:t,plannedMinutes:s,endsAt:T(n.attributes.ends_at),pausedAt:T(n.attributes.paused_at),...r&&{step:r}};let i=T(e?.state)??T(n.attributes.ends_at);return{status:"running",activity:t,plannedMinutes:s,endsAt:i,...r&&{step:r}}}function Qe(n,e){if(!(n.status!=="running"||n.step?.endsAt===void 0))return Math.max(0,n.step.endsAt-e)}function et(n){let e=n.filter(t=>t!==void 0&&t>0).map(t=>Gt(t));return e.length?Math.min(...e):void 0}function tt(n,e){if(n.endsAt!==void 0){if(n.status==="running")return Math.max(0,n.endsAt-e);if(n.status==="paused"&&n.pausedAt!==void 0)return Math.max(0,n.endsAt-n.pausedAt)}}function st(n){if(n===void 0||!Number.isFinite(n))return"–:––";let e=Math.ceil(Math.max(0,n)/1e3),t=Math.floor(e/3600),s=Math.floor(e%3600/60),r=String(e%60).padStart(2,"0");return t>0?`${t}:${String(s).padStart(2,"0")}:${r}`:`${s}:${r}`}function Gt(n){return(n%1e3||1e3)+5}var be=5;function nt(n){switch(n){case"running":return["pause","extend","stop"];case"paused":return["resume","stop"];default:return[]}}function rt(n,e){return n!=="idle"?[]:X.map(t=>{let s=Number.parseFloat(e[t]?.state??"");return Number.isFinite(s)?{activity:t,minutes:Math.round(s)}:{activity:t}})}function We(n){return typeof n=="number"&&Number.isFinite(n)&&n>=0?n:void 0}function it(n){if(!n||C.has(n.state))return;let e=Number.parseFloat(n.state);if(!Number.isFinite(e))return;let t=We(n.attributes.goal),s=n.attributes.met,r=t===void 0||t<=0?e>0?1:0:Math.min(1,Math.max(0,e/t)),i=typeof s=="boolean"?s:t===void 0?!1:t<=0||e>=t,o={minutes:e,goal:t,fraction:i?1:Math.min(r,.99),met:i},d=We(n.attributes.tomorrow_goal);return d!==void 0&&(o.tomorrowGoal=d),o}function ot(n){if(!n||C.has(n.state))return;let e=Number.parseInt(n.state,10);if(!Number.isFinite(e))return;let t=typeof n.attributes.best=="number"?n.attributes.best:void 0;return{days:e,best:t,todayMet:n.attributes.today_met===!0}}var Ft=10*6e4;function Wt(n,e){return new Date(n).toDateString()===new Date(e).toDateString()}function at(n,e){let t=$e(n),s=T(n?.attributes.logged_at);if(t===void 0||s===void 0)return;let r=e-s;return r>=0&&r<Ft&&Wt(s,e)?t:void 0}function ve(n,e){if(!n||n.state!=="idle")return;let t=T(n.attributes.undo_until);return t!==void 0&&t>e?t:void 0}function J(n,e,t){let s=n.services?.[_]?.[e];return s?t===void 0||Object.hasOwn(s.fields??{},t):!1}var dt=new Set(["start_session","pause_session","resume_session","extend_session","stop_session","cancel_session","undo_session"]);function $e(n){if(!n||C.has(n.state))return;let e=Number.parseFloat(n.state);return Number.isFinite(e)?Math.round(e):void 0}function ct(n){if(!(!n||C.has(n.state)))return n.state==="on"}function xe(n,e){if(n&&typeof n=="object"&&"message"in n){let t=n.message;if(typeof t=="string"&&t)return t}return typeof n=="string"&&n?n:e}function we(n){if(!(!n||C.has(n.state)||n.state==="timer"))return n.state}function lt(n,e){if(n==="history")return 14;let t=9;return e.status==="idle"?t+=4:e.status==="unavailable"?t+=1:t+=e.step?9:6,t}function pt(n,e,t){let s=n.entities?.[e];if(!s||s.platform!==_||!s.device_id)return null;let r=n.devices?.[s.device_id],i=r&&Ye(r);return i?{label:i.name,config:{type:t,config_entry_id:i.entryId}}:null}var qt=[{name:"config_entry_id",selector:{config_entry:{integration:_}}}];async function Kt(){if(customElements.get("ha-form"))return;await customElements.get("hui-entities-card")?.getConfigElement?.()}var Q=class extends b{static{this.properties={hass:{attribute:!1},_config:{state:!0},_texts:{state:!0}}}setConfig(e){this._config=e}connectedCallback(){super.connectedCallback(),Kt().then(()=>this.requestUpdate())}shouldUpdate(e){return!e.has("hass")||e.size>1?!0:e.get("hass")?.locale!==this.hass?.locale||!this._texts}willUpdate(){let e=this.hass,t=e&&j(e);e&&t&&t!==this._texts?.language&&Z(e,t).then(s=>this._texts=s)}render(){return!this.hass||!this._config?c``:c`<ha-form
      .hass=${this.hass}
      .data=${this._config}
      .schema=${qt}
      .computeLabel=${()=>f(this._texts,"person")}
      @value-changed=${this._changed}
    ></ha-form>`}_changed(e){e.stopPropagation();let t=e.detail.value.config_entry_id;!this._config||!t||t===this._config.config_entry_id||(this._config={...this._config,config_entry_id:t},this.dispatchEvent(new CustomEvent("config-changed",{detail:{config:this._config},bubbles:!0,composed:!0})))}};var ft=84,ut=12,Yt=56,mt=864e5;function ht(n){return Date.parse(`${n}T00:00:00Z`)/mt}function Zt(n){return new Date(n*mt).toISOString().slice(0,10)}function gt(n,e,t=1){let s=new Map(n.days.map(u=>[u.date,u])),r=ht(n.date),i=(r+4)%7,d=r-(i-t+7)%7-(ut-1)*7,a=n.first_day?ht(n.first_day):Number.NaN,l=[];for(let u=0;u<ut;u+=1){let h=[];for(let m=0;m<7;m+=1){let g=d+u*7+m,y=Zt(g),x=s.get(y),B="none";g>r?B="future":g<a||x?.met===null?B="before":x&&(B=x.met?.[e]?"met":"missed"),h.push({date:y,kind:B,flareUp:x?.flare_up===!0})}l.push(h)}return l}function _t(n){return n.flat().filter(e=>e.kind==="met").length}function yt(n,e=Yt){return n.days.slice(-e).map(t=>{let s={exercise:(t.exercise??0)+(t.stretch??0),inversion:t.inversion??0,rest:t.rest??0},r=$.reduce((i,o)=>i+s[o],0);return typeof t.pain=="number"?{date:t.date,minutes:s,total:r,pain:t.pain}:{date:t.date,minutes:s,total:r}})}function bt(n){let e=Math.max(0,...n.map(t=>t.total));return Math.max(60,Math.ceil(e/30)*30)}function vt(n,e,t){let s=e/Math.max(1,n.length),r="",i=!1;return n.forEach((o,d)=>{if(o.pain===void 0){i=!1;return}let a=Math.round((d+.5)*s*10)/10,l=Math.round((t-o.pain/10*t)*10)/10;r+=`${i?"L":"M"}${a} ${l}`,i=!0}),r}var Ae=[7,30,90,365],$t=30,Xt=["html","csv"],Jt=["en","de","fr","es","nl"],Se=3600,Qt=(Se-600)*1e3;function xt(n){let e=(n??"").replace("_","-").split("-")[0].toLowerCase();return Jt.includes(e)?e:void 0}function es(n,e,t,s){let r=new URLSearchParams({days:String(e)});return t!=="html"&&r.set("format",t),s&&r.set("lang",s),`/api/${_}/report/${encodeURIComponent(n)}?${r.toString()}`}function wt(n,e){let t={};for(let s of Ae)for(let r of Xt)t[M(s,r)]=es(n,s,r,e);return t}function M(n,e){return`${n}/${e}`}function At(n,e){return n!==void 0&&e-n>=0&&e-n<Qt}var ee=560,A=160;function te(n,e,t){return new Intl.DateTimeFormat(n,{...t,timeZone:"UTC"}).format(new Date(`${e}T12:00:00Z`))}function ts(n,e,t,s){let r=gt(e,t,s),i=n.language,o={met:f(n,"met"),missed:f(n,"not_met"),before:f(n,"before_first_day")},d=a=>o[a]??"";return c`<figure class="calendar" data-goal=${t}>
    <figcaption>
      <span>${f(n,`goal.${t}`)}</span>
      <strong>${_t(r)}</strong>
    </figcaption>
    <div class="weeks" role="grid">
      ${r.map(a=>c`<div class="week" role="row">
            ${a.map(l=>{let u=[te(i,l.date,{weekday:"short",day:"numeric",month:"short"}),d(l.kind),l.flareUp?f(n,"flare_up"):""].filter(Boolean).join(", ");return c`<span
                class="day ${l.kind} ${l.flareUp?"flare-day":""}"
                role="gridcell"
                title=${u}
                aria-label=${u}
              ></span>`})}
          </div>`)}
    </div>
  </figure>`}function ss(n,e){let t=bt(e),s=ee/Math.max(1,e.length),r=Math.max(2,s-2),i=n.language,o=e.map((u,h)=>{let m=A,g=f(n,"day_summary",{date:te(i,u.date,{day:"numeric",month:"short"}),minutes:u.total,pain:u.pain===void 0?f(n,"no_pain"):u.pain});return K`<g class="bar"><title>${g}</title>${$.map(y=>{let x=u.minutes[y]/t*A;return m-=x,x>0?K`<rect class=${y} x=${h*s+1} y=${m} width=${r} height=${x}></rect>`:p})}</g>`}),d=e.map((u,h)=>u.pain===void 0?p:K`<circle class="pain-dot" cx=${(h+.5)*s} cy=${A-u.pain/10*A} r="3"></circle>`),a=e[0]?.date,l=e[e.length-1]?.date;return c`<figure class="chart">
    <svg viewBox="0 0 ${ee} ${A}" preserveAspectRatio="none" role="img"
      aria-label=${f(n,"pain_minutes_heading")}>
      <line class="grid" x1="0" x2=${ee} y1=${A/2} y2=${A/2}></line>
      ${o}
      <path class="pain-line" d=${vt(e,ee,A)}></path>
      ${d}
    </svg>
    <div class="axis">
      <span>${a?te(i,a,{day:"numeric",month:"short"}):""}</span>
      <span>${l?te(i,l,{day:"numeric",month:"short"}):""}</span>
    </div>
    <figcaption class="legend">
      ${$.map(u=>c`<span><i class="key ${u}"></i>${f(n,`goal.${u}`)}</span>`)}
      <span><i class="key pain"></i>${f(n,"pain_axis")}</span>
      <span class="scale">${f(n,"minutes_a_day")}: 0–${t}</span>
    </figcaption>
  </figure>`}function ns(n,e){let t=e.links,s=t?.[M(e.period,"html")],r=t?.[M(e.period,"csv")];return c`<div class="report-choice" role="group" aria-label=${f(n,"report_heading")}>
    <h2 class="heading">${f(n,"report_heading")}</h2>
    <div class="periods" role="radiogroup" aria-label=${f(n,"report_period")}>
      ${Ae.map(i=>c`<button
            class="period"
            role="radio"
            data-days=${i}
            aria-checked=${i===e.period?"true":"false"}
            @click=${()=>e.pick(i)}
          >
            ${Y(n,"days",i)}
          </button>`)}
    </div>
    <div class="report-links">
      ${s?c`<a class="report" data-format="html" href=${s} target="_blank" rel="noopener"
            @click=${i=>e.open(i,"html")}>${f(n,"report")}</a>`:p}
      ${r?c`<a class="report csv" data-format="csv" href=${r} download
            @click=${i=>e.open(i,"csv")}>${f(n,"report_csv")}</a>`:p}
    </div>
  </div>`}function St(n,e,t,s){return e?c`<section class="history">
    <h2 class="heading">${f(n,"goals_heading")}</h2>
    <div class="calendars">
      ${$.map(r=>ts(n,e,r,t))}
    </div>
    <div class="calendar-key">
      <span><i class="day met"></i>${f(n,"met")}</span>
      <span><i class="day missed"></i>${f(n,"not_met")}</span>
      <span><i class="day missed flare-day"></i>${f(n,"flare_up")}</span>
      ${e.first_day&&e.days.some(r=>r.date<e.first_day)?c`<span><i class="day before"></i>${f(n,"before_first_day")}</span>`:p}
    </div>
    <h2 class="heading">${f(n,"pain_minutes_heading")}</h2>
    ${ss(n,yt(e))}
    ${ns(n,s)}
  </section>`:c`<section class="history"><p class="heading">${f(n,"loading")}</p></section>`}function kt(n,e){let t=[];for(let[s,r]of e)if(!n.get(s))try{n.define(s,r),t.push(s)}catch(i){console.warn(`Back Relief: could not define <${s}>`,i)}return t}function Et(n,e,t="home-assistant"){let s=n();return kt(s,e),s.whenDefined(t).then(()=>{let r=n();return r===s?[]:kt(r,e)})}var Rt=ne`
  :host {
    display: block;
    container-type: inline-size;
    --br-gap: 16px;
    --br-radius: var(--ha-card-border-radius, 12px);
    --br-accent: var(--primary-color, #03a9f4);
    --br-on-accent: var(--text-primary-color, #fff);
    --br-text: var(--primary-text-color, #212121);
    --br-muted: var(--secondary-text-color, #727272);
    --br-divider: var(--divider-color, rgba(0, 0, 0, 0.12));
    --br-good: var(--success-color, #43a047);
    --br-stop: var(--error-color, #db4437);
    --br-warn: var(--warning-color, #ffa600);
  }

  ha-card {
    height: 100%;
    overflow: hidden;
  }
  .card {
    box-sizing: border-box;
    height: 100%;
    padding: var(--br-gap);
    display: grid;
    gap: var(--br-gap);
    grid-template-columns: minmax(0, 1fr);
    grid-template-areas: "head" "session" "goals" "pain" "notice" "error";
    align-content: start;
    color: var(--br-text);
    font-family: var(--ha-font-family-body, var(--paper-font-body1_-_font-family, inherit));
    line-height: 1.3;
  }
  .card.showing-history {
    grid-template-areas: "head" "history" "notice" "error";
  }

  header {
    grid-area: head;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px 16px;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .tab {
    font-size: 18px;
    background: transparent;
    border-color: var(--br-accent);
    color: var(--br-accent);
  }
  .name {
    font-size: clamp(24px, 5cqi, 40px);
    font-weight: 600;
    overflow-wrap: anywhere;
    min-width: 0;
  }

  section {
    min-width: 0;
  }
  .session {
    grid-area: session;
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  .goals {
    grid-area: goals;
    display: flex;
    flex-direction: column;
    gap: 14px;
  }
  .pain {
    grid-area: pain;
  }
  .error {
    grid-area: error;
    color: var(--br-stop);
    font-size: 18px;
    overflow-wrap: anywhere;
  }
  .error:empty,
  .notice:empty {
    display: none;
  }
  .notice {
    grid-area: notice;
    font-size: 20px;
    font-weight: 500;
    color: var(--br-text);
  }
  .undo-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px 16px;
    padding: 8px 12px;
    border-radius: 12px;
    background: var(--br-divider);
    font-size: 18px;
  }
  .undo {
    background: var(--br-accent);
    color: var(--br-on-accent);
    font-size: 20px;
    font-weight: 600;
  }
  .tomorrow {
    font-size: 16px;
    color: var(--br-muted);
  }

  .heading {
    font-size: 18px;
    font-weight: 500;
    color: var(--br-muted);
    margin: 0;
  }

  button {
    font: inherit;
    color: inherit;
    min-height: 56px;
    min-width: 56px;
    border-radius: 12px;
    border: 2px solid transparent;
    padding: 8px 16px;
    cursor: pointer;
    touch-action: manipulation;
    -webkit-tap-highlight-color: transparent;
  }
  button:focus-visible {
    outline: 3px solid var(--br-accent);
    outline-offset: 2px;
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }

  .starts {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 12px;
  }
  .start {
    min-height: 88px;
    background: var(--br-accent);
    color: var(--br-on-accent);
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 2px;
  }
  .start .activity {
    font-size: clamp(20px, 4.5cqi, 28px);
    font-weight: 600;
  }
  .start .minutes {
    font-size: 18px;
    opacity: 0.9;
  }

  .now {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    flex-wrap: wrap;
    gap: 4px 12px;
  }
  .now .activity {
    font-size: clamp(26px, 6cqi, 44px);
    font-weight: 600;
  }
  .badge {
    font-size: 18px;
    font-weight: 600;
    padding: 4px 12px;
    border-radius: 999px;
    background: var(--br-warn);
    color: #000;
  }
  .countdown {
    font-size: clamp(72px, 22cqi, 168px);
    font-weight: 700;
    line-height: 1;
    font-variant-numeric: tabular-nums;
    letter-spacing: -0.02em;
    text-align: center;
    padding: 8px 0;
  }
  .paused .countdown {
    color: var(--br-muted);
  }
  .ends {
    text-align: center;
    font-size: 20px;
    color: var(--br-muted);
  }
  .controls {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: minmax(0, 1fr);
    gap: 12px;
  }
  .controls button {
    min-height: 72px;
    font-size: 24px;
    font-weight: 600;
  }
  .pause,
  .resume {
    background: transparent;
    border-color: var(--br-accent);
    color: var(--br-accent);
  }
  .resume {
    background: var(--br-accent);
    color: var(--br-on-accent);
  }
  .stop {
    background: var(--br-stop);
    color: #fff;
  }
  .extend {
    background: transparent;
    border-color: var(--br-text);
    color: var(--br-text);
  }

  .goal .row {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 8px;
    flex-wrap: wrap;
  }
  .goal .label {
    font-size: 20px;
    font-weight: 600;
  }
  .goal .amount {
    font-size: clamp(22px, 4.5cqi, 32px);
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .goal .amount small {
    font-size: 18px;
    font-weight: 400;
    color: var(--br-muted);
  }
  .bar {
    height: 14px;
    border-radius: 7px;
    background: var(--br-divider);
    overflow: hidden;
    margin: 6px 0 4px;
  }
  .bar > div {
    height: 100%;
    border-radius: 7px;
    background: var(--br-accent);
  }
  .goal.met .bar > div {
    background: var(--br-good);
  }
  .streak {
    font-size: 18px;
    color: var(--br-muted);
  }
  .streak strong {
    color: var(--br-text);
  }

  .levels {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(52px, 1fr));
    gap: 8px;
    margin-top: 8px;
  }
  .level {
    min-width: 52px;
    padding: 0;
    font-size: 22px;
    font-weight: 600;
    background: transparent;
    border-color: var(--br-divider);
  }
  .level[aria-pressed="true"] {
    background: var(--br-accent);
    border-color: var(--br-accent);
    color: var(--br-on-accent);
  }
  .pain .hint {
    font-size: 16px;
    color: var(--br-muted);
  }

  .flare {
    font-size: 18px;
    background: transparent;
    border-color: var(--br-divider);
    display: inline-flex;
    align-items: center;
    gap: 10px;
  }
  .flare .dot {
    width: 14px;
    height: 14px;
    border-radius: 50%;
    background: var(--br-divider);
  }
  .flare[aria-pressed="true"] {
    border-color: var(--br-warn);
  }
  .flare[aria-pressed="true"] .dot {
    background: var(--br-warn);
  }

  .message {
    font-size: 18px;
    padding: var(--br-gap);
  }

  .step-of {
    font-size: 20px;
    font-weight: 600;
    color: var(--br-muted);
  }
  .step {
    display: flex;
    flex-direction: column;
    gap: 6px;
    padding: 12px 16px;
    border-radius: 12px;
    background: color-mix(in srgb, var(--br-accent) 12%, transparent);
  }
  .step-name {
    font-size: clamp(24px, 5cqi, 36px);
    font-weight: 700;
  }
  .cue {
    margin: 0;
    font-size: clamp(20px, 3.4cqi, 24px);
  }
  .step-countdown {
    font-size: clamp(64px, 16cqi, 104px);
    font-weight: 700;
    line-height: 1;
    font-variant-numeric: tabular-nums;
    text-align: center;
  }
  .step-controls {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 12px;
  }
  .step-controls button {
    font-size: 20px;
    font-weight: 600;
    background: var(--br-accent);
    color: var(--br-on-accent);
  }
  .step-controls .repeat-step {
    background: transparent;
    border-color: var(--br-accent);
    color: var(--br-accent);
  }
  .guided .countdown {
    font-size: clamp(32px, 7cqi, 44px);
    padding: 0;
  }
  .guided .controls button {
    min-height: 60px;
  }
  .guided.session {
    gap: 8px;
  }

  .history {
    grid-area: history;
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  .calendars {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(160px, 1fr));
    gap: 12px 16px;
  }
  figure {
    margin: 0;
  }
  .calendar figcaption {
    display: flex;
    justify-content: space-between;
    font-size: 20px;
    font-weight: 600;
    margin-bottom: 6px;
  }
  .weeks {
    display: grid;
    grid-template-columns: repeat(12, minmax(0, 1fr));
    gap: 3px;
  }
  .week {
    display: grid;
    grid-template-rows: repeat(7, auto);
    gap: 3px;
  }
  .day {
    display: inline-block;
    aspect-ratio: 1;
    min-width: 0;
    border-radius: 3px;
    box-sizing: border-box;
    background: var(--br-divider);
  }
  .day.met {
    background: var(--br-good);
  }
  .day.none,
  .day.before,
  .day.future {
    background: transparent;
    border: 1px dashed var(--br-divider);
  }
  .day.future {
    border: none;
  }
  .day.before {
    border: 1px dotted var(--br-divider);
  }
  .day.flare-day {
    outline: 2px solid var(--br-warn);
    outline-offset: -2px;
  }
  .calendar-key,
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 6px 16px;
    font-size: 16px;
    color: var(--br-muted);
  }
  .calendar-key span,
  .legend span {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  .calendar-key .day {
    width: 14px;
  }
  .calendar-key .day.before {
    border-color: var(--br-muted);
  }
  .chart svg {
    width: 100%;
    height: 180px;
    display: block;
  }
  .chart rect.exercise,
  .key.exercise {
    fill: var(--br-accent);
    background: var(--br-accent);
  }
  .chart rect.rest,
  .key.rest {
    fill: var(--br-good);
    background: var(--br-good);
  }
  .chart rect.inversion,
  .key.inversion {
    fill: var(--accent-color, #ff9800);
    background: var(--accent-color, #ff9800);
  }
  .chart .grid {
    stroke: var(--br-divider);
    stroke-dasharray: 4 4;
  }
  .pain-line {
    fill: none;
    stroke: var(--br-stop);
    stroke-width: 2.5;
    vector-effect: non-scaling-stroke;
  }
  .pain-dot {
    fill: var(--br-stop);
  }
  .key {
    display: inline-block;
    width: 14px;
    height: 14px;
    border-radius: 3px;
  }
  .key.pain {
    height: 3px;
    background: var(--br-stop);
  }
  .axis {
    display: flex;
    justify-content: space-between;
    font-size: 14px;
    color: var(--br-muted);
  }
  .report-choice {
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  .periods {
    display: grid;
    grid-template-columns: repeat(4, minmax(0, 1fr));
    gap: 8px;
  }
  .period {
    font-size: clamp(15px, 4cqi, 18px);
    white-space: nowrap;
    background: transparent;
    border-color: var(--br-divider);
    padding: 8px 2px;
  }
  .period[aria-checked="true"] {
    background: var(--br-accent);
    border-color: var(--br-accent);
    color: var(--br-on-accent);
    font-weight: 600;
  }
  .report-links {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 24px;
  }
  .report {
    display: inline-flex;
    align-items: center;
    font-size: 18px;
    color: var(--br-accent);
    min-height: 56px;
  }

  /* A tablet, or a wide column: session beside the goals, pain below. */
  @container (min-width: 720px) {
    .card {
      --br-gap: 24px;
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      grid-template-areas: "head head" "session goals" "pain pain" "notice notice" "error error";
      column-gap: 40px;
    }
    .card.showing-history {
      grid-template-areas: "head head" "history history" "notice notice" "error error";
    }
    .starts {
      gap: 16px;
    }
    .start {
      min-height: 112px;
    }
    .levels {
      grid-template-columns: repeat(11, minmax(52px, 1fr));
    }
  }
`;var H="back-relief-card",Tt="back-relief-card-editor",rs=6e4,ke=class extends b{constructor(){super();this._ids={};this._session={status:"unavailable"};this._busy=!1,this._error="",this._notice="",this._view="today",this._period=$t}static{this.styles=Rt}static{this.properties={hass:{attribute:!1},_config:{state:!0},_busy:{state:!0},_error:{state:!0},_texts:{state:!0},_view:{state:!0},_summary:{state:!0},_notice:{state:!0},_period:{state:!0},_reportLinks:{state:!0}}}static getConfigElement(){return document.createElement(Tt)}static getStubConfig(t){let s=ye(t)[0];return s?{type:`custom:${H}`,config_entry_id:s.entryId}:{type:`custom:${H}`}}setConfig(t){if(!t||typeof t!="object")throw new Error("Invalid configuration");if(t.config_entry_id!==void 0&&typeof t.config_entry_id!="string")throw new Error("config_entry_id must be the id of a Back Relief entry");this._config=t}getCardSize(){return lt(this._view,this._session)}getGridOptions(){return{columns:12,rows:"auto",min_columns:6,min_rows:8}}connectedCallback(){super.connectedCallback(),this._syncCountdown()}disconnectedCallback(){super.disconnectedCallback(),this._stopTimer(),this._clearUndoTimer(),this._say("")}_say(t){this._noticeTimer!==void 0&&clearTimeout(this._noticeTimer),this._noticeTimer=void 0,this._notice=t,t&&(this._noticeTimer=setTimeout(()=>this._say(""),rs))}shouldUpdate(t){if(!t.has("hass")||t.size>1)return!0;let s=t.get("hass"),r=this.hass;return!s||!r||s.devices!==r.devices||s.entities!==r.entities||s.locale!==r.locale?!0:qe.some(i=>{let o=this._ids[i];return o!==void 0&&s.states[o]!==r.states[o]})}willUpdate(t){let s=this.hass;if(!s)return;let r=j(s);r!==this._language&&(this._language=r,Z(s,r).then(d=>{this._language===r&&(this._texts=d)},()=>{this._language===r&&(this._texts=_e(r,{}))}));let i=t.get("hass"),o=t.has("hass")&&(!i||i.devices!==s.devices||i.entities!==s.entities);(t.has("_config")||o)&&(this._person=Ze(s,this._config?.config_entry_id),this._ids=this._person?Xe(s,this._person.deviceId):{}),this._session=Je(this._state("sensor.session"),this._state("sensor.session_ends"))}updated(){this._syncCountdown(),this._syncUndo()}_syncUndo(){this._clearUndoTimer();let t=ve(this._state("sensor.session"),Date.now());t!==void 0&&(this._undoTimer=setTimeout(()=>this.requestUpdate(),t-Date.now()+50))}_clearUndoTimer(){this._undoTimer!==void 0&&clearTimeout(this._undoTimer),this._undoTimer=void 0}_state(t){let s=this._ids[t];return s?this.hass?.states[s]:void 0}_t(t,s){return f(this._texts,t,s)}_days(t){return Y(this._texts,"days",t)}render(){if(window.__backReliefRenders=(window.__backReliefRenders??0)+1,!this.hass||!this._config||!this._texts)return c`<ha-card></ha-card>`;let t=this._person;if(!t){let r=this._config.config_entry_id;return c`<ha-card>
        <div class="message">
          ${r?this._t("unknown_person",{entry_id:r}):this._t("choose_person")}
        </div>
      </ha-card>`}let s=this._view==="history";return c`<ha-card>
      <div
        class="card ${s?"showing-history":""}"
        role="group"
        aria-label=${this._t("card_label",{name:t.name})}
      >
        <header>
          <div class="name">${t.name}</div>
          <div class="tools">
            ${this._renderFlareUp()}
            <button
              class="tab"
              aria-pressed=${s?"true":"false"}
              @click=${()=>this._showView(s?"today":"history")}
            >
              ${s?this._t("today"):this._t("history")}
            </button>
          </div>
        </header>
        ${s?St(this._texts,this._summary,this._firstWeekday(),this._reportChoice()):c`${this._renderSession()} ${this._renderGoals()} ${this._renderPain()}`}
        <div class="notice" role="status">${this._notice}</div>
        <div class="error" role="alert">${this._error}</div>
      </div>
    </ha-card>`}_renderFlareUp(){let t=ct(this._state("switch.flare_up"));return t===void 0?p:c`<button
      class="flare"
      aria-pressed=${t?"true":"false"}
      ?disabled=${this._busy}
      title=${t?this._t("flare_on_hint"):this._t("flare_off_hint")}
      @click=${()=>this._toggleFlareUp(t)}
    >
      <span class="dot"></span>${t?this._t("flare_on"):this._t("flare_off")}
    </button>`}_renderSession(){let t=this._session;if(t.status==="unavailable")return c`<section class="session">
        <p class="heading">${this._t("session_unavailable")}</p>
      </section>`;if(t.status==="idle")return this._renderStarts();let s=t.activity?this._t(`activity.${t.activity}`):"",r=t.step;return c`<section class="session ${t.status} ${r?"guided":""}">
      <div class="now">
        <span class="activity">${s}</span>
        ${r?.count?c`<span class="step-of">${this._t("step_of",{number:r.number,count:r.count})}</span>`:p}
        ${t.status==="paused"?c`<span class="badge">${this._t("paused")}</span>`:p}
      </div>
      ${r?c`<div class="step">
            <div class="step-name">
              ${r.name}${r.side?c` · ${this._t(`side.${r.side}`)}`:p}
            </div>
            ${r.cue?c`<p class="cue">${r.cue}</p>`:p}
            ${r.endsAt!==void 0?c`<div class="step-countdown" role="timer" aria-label=${this._t("step_time_left")}></div>`:p}
            <div class="step-controls">
              <button class="repeat-step" ?disabled=${this._busy} @click=${()=>this._call("repeat_step")}>
                ${this._t("repeat_step")}
              </button>
              <button class="next-step" ?disabled=${this._busy} @click=${()=>this._call("next_step")}>
                ${this._t("next_step")}
              </button>
            </div>
          </div>`:p}
      <div class="countdown" role="timer" aria-label=${this._t("time_left")}></div>
      <div class="ends">${this._endsText(t)}</div>
      <div class="controls">
        ${nt(t.status).map(i=>c`<button
              class=${i}
              ?disabled=${this._busy}
              @click=${()=>this._call(`${i}_session`,i==="extend"?{minutes:be}:{})}
            >
              ${this._t(i,{minutes:be})}
            </button>`)}
      </div>
    </section>`}_renderStarts(){let t={};for(let o of X)t[o]=this._state(`number.${o}_duration`);let s=this._state("select.stretch_routine"),r=we(s),i=this.hass!==void 0&&J(this.hass,"undo_session")&&ve(this._state("sensor.session"),Date.now())!==void 0;return c`<section class="session idle">
      ${i?c`<div class="undo-row">
            <span>${this._t("undo_hint")}</span>
            <button class="undo" ?disabled=${this._busy} @click=${()=>this._call("undo_session")}>
              ${this._t("undo")}
            </button>
          </div>`:p}
      <h2 class="heading">${this._t("start_heading")}</h2>
      <div class="starts">
        ${rt("idle",t).map(({activity:o,minutes:d})=>{let l=o==="stretch"&&r!==void 0&&s!==void 0?this.hass?.formatEntityState?.(s)??r:d===void 0?void 0:this._t("minutes",{minutes:d});return c`<button
            class="start"
            data-activity=${o}
            ?disabled=${this._busy}
            @click=${()=>this._start(o,d)}
          >
            <span class="activity">${this._t(`activity.${o}`)}</span>
            ${l===void 0?p:c`<span class="minutes">${l}</span>`}
          </button>`})}
      </div>
    </section>`}_endsText(t){let s=t.plannedMinutes?this._t("session_minutes",{minutes:t.plannedMinutes}):"";if(t.status!=="running"||t.endsAt===void 0)return s;let r=new Intl.DateTimeFormat(this._texts?.language,{hour:"numeric",minute:"2-digit"}).format(new Date(t.endsAt)),i=this._t("ends_at",{time:r});return s?`${s} · ${i}`:i}_renderGoals(){return c`<section class="goals">
      <h2 class="heading">${this._t("today")}</h2>
      ${$.map(t=>{let s=it(this._state(`sensor.${t}_today`)),r=ot(this._state(`sensor.${t}_streak`));if(!s&&!r)return p;let i=Math.round((s?.fraction??0)*100),o=this._t(`goal.${t}`);return c`<div class="goal ${s?.met?"met":""}" data-goal=${t}>
          <div class="row">
            <span class="label">${o}</span>
            ${s?c`<span class="amount"
                  >${s.minutes}${s.goal===void 0?p:c`<small> ${this._t("of_goal",{goal:s.goal})}</small>`}</span
                >`:p}
          </div>
          <div
            class="bar"
            role="progressbar"
            aria-label=${this._t("goal_today",{goal:o})}
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow=${i}
          >
            <div style="width: ${i}%"></div>
          </div>
          ${s?.tomorrowGoal===void 0?p:c`<div class="tomorrow">${this._t("tomorrow",{minutes:s.tomorrowGoal})}</div>`}
          ${r?c`<div class="streak">
                ${this._t("streak")} <strong>${this._days(r.days)}</strong>${r.best?c` · ${this._t("best",{days:this._days(r.best)})}`:p}
              </div>`:p}
        </div>`})}
    </section>`}_renderPain(){if(!this._ids["sensor.pain_level"])return p;let t=$e(this._state("sensor.pain_level"));return c`<section class="pain">
      <h2 class="heading">${this._t("pain_heading")}</h2>
      <div class="levels" role="group" aria-label=${this._t("pain_level")}>
        ${Ke.map(s=>c`<button
              class="level"
              aria-pressed=${t===s?"true":"false"}
              ?disabled=${this._busy}
              @click=${()=>this._logPain(s)}
            >
              ${s}
            </button>`)}
      </div>
    </section>`}_firstWeekday(){return this.hass?.locale?.first_weekday==="sunday"?0:1}_showView(t){this._view=t,this._error="",t==="history"&&this._loadHistory()}async _loadHistory(){let t=this.hass,s=this._person?.entryId;if(!(!t||!s)){this._summary=void 0;try{let[r]=await Promise.all([t.callWS({type:"call_service",domain:_,service:"get_summary",service_data:{days:ft,config_entry_id:s},return_response:!0}),this._signReport()]);if(this._view!=="history"||this._person?.entryId!==s)return;this._summary=r.response}catch(r){this._error=xe(r,this._t("refused"))}}}_reportChoice(){return{period:this._period,links:this._reportLinks,pick:t=>{this._period=t},open:(t,s)=>this._openReport(t,s)}}async _signReport(){let t=this.hass,s=this._person?.entryId;if(!t||!s)return;let r=wt(s,xt(j(t))),i=Date.now();try{let o=await Promise.all(Object.entries(r).map(async([d,a])=>{let l=await t.callWS({type:"auth/sign_path",path:a,expires:Se});return[d,l.path]}));return this._person?.entryId!==s?void 0:(this._reportLinks=Object.fromEntries(o),this._signedAt=i,this._reportLinks)}catch{this._reportLinks=void 0;return}}_openReport(t,s){if(At(this._signedAt,Date.now()))return;t.preventDefault();let r=M(this._period,s);this._signReport().then(i=>{let o=i?.[r];if(!o)return;let d=document.createElement("a");d.href=o,s==="csv"?d.download="":(d.target="_blank",d.rel="noopener"),d.click()})}_syncCountdown(){this._stopTimer(),this.isConnected&&this._tick()}_tick(){this._timer=void 0;let t=this.renderRoot,s=t?.querySelector(".countdown"),r=t?.querySelector(".step-countdown");if(!s&&!r)return;let i=Date.now(),o=tt(this._session,i),d=Qe(this._session,i);for(let[l,u]of[[s,o],[r,d]]){let h=st(u);l&&l.textContent!==h&&(l.textContent=h)}if(window.__backReliefTicks=(window.__backReliefTicks??0)+1,this._session.status!=="running")return;let a=et([o,d]);a!==void 0&&(this._timer=setTimeout(()=>this._tick(),a))}_stopTimer(){this._timer!==void 0&&clearTimeout(this._timer),this._timer=void 0}_start(t,s){let r=this._ids["button.start_stretch"];if(t==="stretch"&&r&&we(this._state("select.stretch_routine"))){this._run(()=>this.hass.callService("button","press",{entity_id:r}));return}let i={activity:t};s!==void 0&&(i.duration=s),this._call("start_session",i)}_logPain(t){let s=this.hass;if(!s)return;let r=J(s,"log_pain","replace")?at(this._state("sensor.pain_level"),Date.now()):void 0,i={level:t};r!==void 0&&(i.replace=!0),this._call("log_pain",i).then(o=>{o&&r!==void 0&&r!==t&&this._say(this._t("pain_changed",{before:r,after:t}))})}_toggleFlareUp(t){let s=this._ids["switch.flare_up"];s&&this._run(()=>this.hass.callService("switch",t?"turn_off":"turn_on",{entity_id:s}))}async _call(t,s={}){let r=this._person?.entryId,i=this.hass;if(!r||!i)return!1;let o={...s,config_entry_id:r};return dt.has(t)&&J(i,t,"source")&&(o.source="card"),this._run(()=>i.callService(_,t,o))}async _run(t){if(!this.hass||this._busy)return!1;this._busy=!0,this._error="",this._say("");try{return await t(),!0}catch(s){return this._error=xe(s,this._t("refused")),!1}finally{this._busy=!1}}};Et(()=>window.customElements,[[Tt,Q],[H,ke]]);window.customCards?.some(n=>n.type===H)||(window.customCards=window.customCards??[],window.customCards.push({type:H,name:"Back Relief",description:"A person's back-care routine: the session with a live countdown and guided steps, goals, streaks and history.",preview:!0,getEntitySuggestion:(n,e)=>pt(n,e,`custom:${H}`),documentationURL:"https://github.com/back-relief/back-relief#the-dashboard-card"}));export{ke as BackReliefCard};
/*! Bundled license information:

@lit/reactive-element/css-tag.js:
  (**
   * @license
   * Copyright 2019 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/reactive-element.js:
lit-html/lit-html.js:
lit-element/lit-element.js:
  (**
   * @license
   * Copyright 2017 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/is-server.js:
  (**
   * @license
   * Copyright 2022 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)
*/
